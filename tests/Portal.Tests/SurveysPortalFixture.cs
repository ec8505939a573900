using System.Net.Http.Json;
using System.Text;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Portal.Tests;

/// <summary>The portal with the real Surveys service (own database, real HTTP, the broker for its outbox); the other services stay down.</summary>
public class SurveysPortalFixture : PortalFixture
{
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;

    protected override async Task<Dictionary<string, string>> ServiceAddressesAsync()
    {
        var addresses = await base.ServiceAddressesAsync();
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", await SurveysSettingsAsync(), realHttp: true);
        addresses["surveys"] = Surveys.Address;
        return addresses;
    }

    /// <summary>The Surveys service's own settings (none by default: it sends no mail).</summary>
    protected virtual Task<Dictionary<string, string?>> SurveysSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    /// <summary>Calls the service directly as a survey manager, to set up what a page shows.</summary>
    public HttpClient Manager() => Bed.CreateStaffClient(Surveys, [StaffRoles.SurveyManager], null, "survey-setup");

    /// <summary>The template survey of <paramref name="year"/>, opened today, with links for <paramref name="organisations"/> new organisations.</summary>
    public async Task<(Guid SurveyId, IReadOnlyList<string> Links)> OpenSurveyAsync(int year, int organisations)
    {
        using var manager = Manager();
        var csv = new StringBuilder("name;category;email\n");
        for (var i = 1; i <= organisations; i++)
        {
            csv.Append($"Biedrība {year}-{i};Ngo;org{i}@{year}.example.lv\n");
        }
        (await manager.PostAsync("/api/organisations/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        var today = DateOnly.FromDateTime(DateTime.Today);
        var opened = await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = today, closesOn = today.AddDays(30) });
        opened.EnsureSuccessStatusCode();
        var links = (await opened.Content.ReadFromJsonAsync<OpenedOnly>())!.Links.Select(l => l.Url.TrimStart('/')).ToList();
        return (id, links);
    }

    private sealed record IdOnly(Guid Id);

    private sealed record LinkOnly(string Url);

    private sealed record OpenedOnly(IReadOnlyList<LinkOnly> Links);
}
