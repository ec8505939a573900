using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using StrategyPlatform.Surveys.Mailings;
using StrategyPlatform.Surveys.Surveys;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed record Organisation(Guid Id, string Name, string Email, string Language);

/// <param name="OpeningLinks">The links shown when the survey was opened (a mailing replaces them).</param>
public sealed record MailingCase(SurveyDto Survey, string Domain, IReadOnlyList<Organisation> Organisations, IReadOnlyList<StrategyPlatform.Surveys.Invitations.InvitationLink> OpeningLinks);

/// <summary>The tests that send mail share one SMTP server and stop it on purpose: they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SendingMail
{
    public const string Name = "Sending mail";
}

/// <summary>
/// The Surveys service with a real SMTP server (the tests' smtp4dev) as its relay, the portal's public address set,
/// and a pace fast enough for a test. Each test makes its own organisations (addresses at a domain of its own) and
/// its own survey, and reads the messages that arrived for them.
/// </summary>
public sealed partial class MailingPortal : SurveyPortal
{
    public const string PortalUrl = "https://aptaujas.example.lv";
    public MailServer Mail { get; private set; } = null!;

    protected override async Task<IDictionary<string, string?>?> SettingsAsync()
    {
        Mail = await SharedServers.GetMailAsync();
        return Settings(Mail, perMinute: 60_000);
    }

    public static Dictionary<string, string?> Settings(MailServer mail, int perMinute) => new()
    {
        ["ConnectionStrings:mail"] = mail.ConnectionString,
        ["Surveys:PortalUrl"] = PortalUrl,
        ["Surveys:Mail:PerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Surveys:Mail:RetryAfterSeconds"] = "0.5",
        ["Surveys:Mail:TimeoutSeconds"] = "3",
    };

    /// <summary><paramref name="count"/> organisations at a domain of their own (every third writes in English); returns the domain.</summary>
    public async Task<string> ImportOrganisationsAsync(int count, string? bounced = null)
    {
        var domain = $"m{Guid.NewGuid():N}"[..12] + ".lv";
        var lines = new List<string> { "nosaukums;kategorija;e-pasts;valoda" };
        lines.AddRange(Enumerable.Range(1, count).Select(i => $"Organizācija {domain} {i:000};NVO;org{i:000}@{domain};{(i % 3 == 0 ? "angļu" : "")}"));
        if (bounced is not null)
        {
            lines.Add($"Organizācija {domain} atsitiena;Pašvaldība;{bounced};lv");
        }
        var response = await ImportAsync(string.Join("\n", lines));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return domain;
    }

    /// <summary>A test's own case: <paramref name="organisations"/> imported, then a survey of <paramref name="year"/> opened (inviting them).</summary>
    public async Task<MailingCase> OpenedSurveyAsync(int year, int organisations, string? bounced = null)
    {
        var domain = await ImportOrganisationsAsync(organisations, bounced);
        var survey = await CreateFromTemplateAsync(year);
        var links = await OpenAsync(survey.Id);
        return new MailingCase(survey, domain, await OrganisationsAtAsync(domain), links);
    }

    public async Task<IReadOnlyList<Organisation>> OrganisationsAtAsync(string domain) =>
        [.. (await Manager.GetFromJsonAsync<JsonElement[]>("/api/organisations"))!
            .Where(o => o.GetProperty("name").GetString()!.Contains(domain, StringComparison.Ordinal))
            .Select(o => new Organisation(o.GetProperty("id").GetGuid(), o.GetProperty("name").GetString()!, o.GetProperty("email").GetString()!, o.GetProperty("language").GetString()!))];

    public Task<HttpResponseMessage> StartMailingAsync(Guid surveyId, MailingKind kind, IEnumerable<Guid>? organisations = null, int? intervalDays = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/surveys/{surveyId}/mailings")
        {
            Content = JsonContent.Create(new { kind = kind.ToString(), organisationIds = organisations?.ToArray(), intervalDays }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return Manager.SendAsync(request);
    }

    public async Task<MailingDetail> StartedMailingAsync(Guid surveyId, MailingKind kind, IEnumerable<Guid>? organisations = null, int? intervalDays = null)
    {
        var response = await StartMailingAsync(surveyId, kind, organisations, intervalDays);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MailingDetail>(JsonOptions))!;
    }

    public async Task<MailingDetail> MailingAsync(Guid surveyId, Guid mailingId, HttpClient? client = null) =>
        (await (client ?? Manager).GetFromJsonAsync<MailingDetail>($"/api/surveys/{surveyId}/mailings/{mailingId}", JsonOptions))!;

    public Task<MailingDetail> FinishedAsync(Guid surveyId, Guid mailingId, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => MailingAsync(surveyId, mailingId), m => m.FinishedAt is not null, timeout ?? TimeSpan.FromSeconds(90),
            because: "the mailing never finished");

    /// <summary>The token of the link in a message (the portal's answering address).</summary>
    public static string TokenIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No answering link in: {message.TextBody}");
        return match.Groups["token"].Value;
    }

    [GeneratedRegex(@"https://aptaujas\.example\.lv/answer/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
