using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// The portal with the real Surveys service sending through the tests' real SMTP server (smtp4dev, shared by the test
/// process); the tests tell their messages apart by the recipients' domains.
/// </summary>
public sealed class MailingPortalFixture : SurveysPortalFixture
{
    /// <summary>The public address the service writes into the links; a test opens the same path on the portal it runs.</summary>
    public const string PortalUrl = "https://aptaujas.example.lv";

    public MailServer Mail { get; private set; } = null!;

    protected override async Task<Dictionary<string, string?>> SurveysSettingsAsync()
    {
        Mail = await SharedServers.GetMailAsync();
        return new()
        {
            ["ConnectionStrings:mail"] = Mail.ConnectionString,
            ["Surveys:PortalUrl"] = PortalUrl,
            // Fast enough for a test, slow enough that a page sees a mailing being sent.
            ["Surveys:Mail:PerMinute"] = "600",
            ["Surveys:Mail:RetryAfterSeconds"] = "0.5",
        };
    }
}
