using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace StrategyPlatform.Surveys.Answering;

/// <summary>
/// Invitation link tokens: 256 random bits, URL-safe. Only their SHA-256 is stored, so a copy of
/// the database does not hold working links.
/// </summary>
public static class LinkTokens
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>A token of the right shape; anything else is unknown without a database look-up.</summary>
    public static bool LooksValid(string token) => token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
