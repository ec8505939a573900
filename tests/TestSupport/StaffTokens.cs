using Microsoft.Extensions.Options;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.TestSupport;

/// <summary>Tokens minted by the same issuer the portal uses.</summary>
public static class StaffTokens
{
    public static string Issue(string signingKey, string userId, string[] roles, string[] units) =>
        new StaffTokenIssuer(Options.Create(new StaffTokenOptions { SigningKey = signingKey }), TimeProvider.System)
            .Issue(userId, $"Test user {userId}", roles, units);
}
