using System.Security.Cryptography;
using System.Text;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// A server keeps the password it was created with in its own data (PostgreSQL's catalogue, RabbitMQ's
/// database). The fingerprint beside the data tells, before starting, whether the password the AppHost
/// now hands out is still that one, so a changed secret is one clear line instead of failed sign-ins.
/// </summary>
internal static class PasswordFingerprint
{
    public static void Write(string file, string password) => OwnerOnlyFile.Write(file, Of(password));

    /// <exception cref="InvalidOperationException">The server was created with another password, or by an earlier AppHost that kept no fingerprint.</exception>
    public static void Check(string file, string password, string server, string parameterName, string dataFolder)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The local {server} in {dataFolder} was created by an earlier version of the AppHost, with a password it kept in that folder: " +
                $"set Parameters__{parameterName} to it, or delete {dataFolder} to start it afresh.");
        }
        if (File.ReadAllText(file).Trim() != Of(password))
        {
            throw new InvalidOperationException(
                $"The local {server} in {dataFolder} was created with another password than Parameters:{parameterName} now gives: " +
                $"restore that value (kept in parameters.json), or delete {dataFolder} to start it afresh.");
        }
    }

    private static string Of(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
