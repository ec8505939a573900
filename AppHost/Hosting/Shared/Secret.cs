using System.Security.Cryptography;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Generated secrets, from the operating system's CSPRNG.</summary>
internal static class Secret
{
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    // Symbols that need no quoting in a shell, a URI or a connection string.
    private const string Symbols = "-_.~!";

    /// <summary>Letters and digits only: safe to embed in URIs and connection strings as is.</summary>
    public static string Alphanumeric(int length) => RandomNumberGenerator.GetString(Lower + Upper + Digits, length);

    /// <summary>At least one lower, upper, digit and symbol, as password policies (ASP.NET Identity's default) ask.</summary>
    public static string Password(int length)
    {
        var characters = (RandomNumberGenerator.GetString(Lower, 1) + RandomNumberGenerator.GetString(Upper, 1)
            + RandomNumberGenerator.GetString(Digits, 1) + RandomNumberGenerator.GetString(Symbols, 1)
            + RandomNumberGenerator.GetString(Lower + Upper + Digits + Symbols, length - 4)).ToCharArray();
        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }

    /// <summary>Writes a file only its owner can read (0600), creating or replacing it.</summary>
    public static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(path, options)) writer.Write(content);
        // UnixCreateMode applies only when the file is new.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
