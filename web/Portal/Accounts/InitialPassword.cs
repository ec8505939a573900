using System.Security.Cryptography;

namespace StrategyPlatform.Portal.Accounts;

/// <summary>A random initial password that meets the password rules, shown once to the Administrator who created the account.</summary>
internal static class InitialPassword
{
    // No look-alikes (0/O, 1/l/I) because it is read off a screen and typed in.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Create()
    {
        var all = Upper + Lower + Digits;
        var chars = new List<char> { Pick(Upper), Pick(Lower), Pick(Digits) };
        while (chars.Count < 16)
        {
            chars.Add(Pick(all));
        }
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
