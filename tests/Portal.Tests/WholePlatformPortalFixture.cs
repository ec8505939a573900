using System.Net.Http.Json;
using StrategyPlatform.Kpi;
using StrategyPlatform.MediaEvents;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// The portal with all three services, the aggregator finding its sources as Aspire would tell it
/// (<c>services:surveys</c>, <c>services:mediaevents</c>): for what crosses services, such as a rebuild.
/// </summary>
public class WholePlatformPortalFixture : PortalFixture
{
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;
    public ServiceHost<MediaEventsService> MediaEvents { get; private set; } = null!;
    public ServiceHost<KpiService> Kpi { get; private set; } = null!;

    protected override bool ListensToMessages => true;

    protected override async Task<Dictionary<string, string>> ServiceAddressesAsync()
    {
        var addresses = await base.ServiceAddressesAsync();
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", realHttp: true);
        MediaEvents = await Bed.StartServiceAsync<MediaEventsService>("mediadb", realHttp: true);
        addresses["surveys"] = Surveys.Address;
        addresses["mediaevents"] = MediaEvents.Address;
        Kpi = await Bed.StartServiceAsync<KpiService>("kpidb", new Dictionary<string, string?>
        {
            ["services:surveys:http:0"] = addresses["surveys"],
            ["services:mediaevents:http:0"] = addresses["mediaevents"],
        }, realHttp: true);
        addresses["kpi"] = Kpi.Address;
        return addresses;
    }

    /// <summary>Logs a media event straight through the service, as the communications unit would; returns its id.</summary>
    public async Task<Guid> LogMediaEventAsync(string type, DateTimeOffset startsAt)
    {
        using var editor = Bed.CreateStaffClient(MediaEvents, [StaffRoles.Communications], ["KN"], "kn-setup");
        var response = await editor.PostAsJsonAsync("/api/media-events", new
        {
            startsAt, type, title = "Preses brīfings par paveikto", summary = "", goals = new[] { 8 }, outlets = new[] { "LSM" },
            estimatedReach = 5000, coverageLinks = Array.Empty<string>(),
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task WithdrawMediaEventAsync(Guid id, string reason)
    {
        using var editor = Bed.CreateStaffClient(MediaEvents, [StaffRoles.Communications], ["KN"], "kn-setup");
        (await editor.PostAsJsonAsync($"/api/media-events/{id}/withdraw", new { reason })).EnsureSuccessStatusCode();
    }

    /// <summary>A yearly partner survey opened for one organisation: its invitation link's token.</summary>
    public async Task<string> OpenPartnerSurveyAsync(int year) => (await OpenPartnerSurveyAsync(year, 1)).Tokens.Single();

    /// <summary>A yearly partner survey opened with <paramref name="organisations"/> new organisations: its id and their links' tokens.</summary>
    public async Task<(Guid Id, IReadOnlyList<string> Tokens)> OpenPartnerSurveyAsync(int year, int organisations)
    {
        using var manager = Bed.CreateStaffClient(Surveys, [StaffRoles.SurveyManager], null, "survey-setup");
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var emails = Enumerable.Range(1, organisations).Select(i => $"b{year}-{i}@biedriba.lv").ToList();
        (await manager.PostAsync("/api/organisations/import", new StringContent("name;category;email\n" + string.Concat(emails.Select(e => $"Biedrība {e};Ngo;{e}\n")),
            System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var opened = await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" });
        opened.EnsureSuccessStatusCode();
        var links = (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("links").EnumerateArray().ToList();
        return (id, [.. emails.Select(e => links.Single(l => l.GetProperty("email").GetString() == e).GetProperty("token").GetString()!)]);
    }

    /// <summary>A partner's complete answer through the service's public answering API: every statement 4, overall <paramref name="overall"/>.</summary>
    public async Task AnswerAsync(string token, int overall)
    {
        var answers = StrategyPlatform.Surveys.Templates.PartnerSatisfactionTemplate.Definition().Questions
            .Where(q => q.Type == StrategyPlatform.Surveys.Model.QuestionType.Likert)
            .ToDictionary(q => q.Id, q => new { value = q.Id == "overall-satisfaction" ? overall : 4 });
        using var respondent = Surveys.CreateClient();
        (await respondent.PostAsJsonAsync($"/api/answer/{token}", new { respondentCategory = "Ngo", answers })).EnsureSuccessStatusCode();
    }

    public HttpClient KpiReader() => Bed.CreateStaffClient(Kpi, [StaffRoles.Leadership]);

    public HttpClient SurveysReader() => Bed.CreateStaffClient(Surveys, [StaffRoles.Leadership]);
    /// <summary>A service called directly by a staff member with these roles, to set up what a page shows.</summary>
    public HttpClient AsStaff<TEntry>(ServiceHost<TEntry> host, string[] roles, string[]? units = null) where TEntry : class =>
        Bed.CreateStaffClient(host, roles, units, "setup");
}
