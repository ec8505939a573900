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
public sealed class WholePlatformPortalFixture : PortalFixture
{
    public ServiceHost<MediaEventsService> MediaEvents { get; private set; } = null!;
    public ServiceHost<KpiService> Kpi { get; private set; } = null!;

    protected override async Task<Dictionary<string, string>> ServiceAddressesAsync()
    {
        var addresses = await base.ServiceAddressesAsync();
        var surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", realHttp: true);
        MediaEvents = await Bed.StartServiceAsync<MediaEventsService>("mediadb", realHttp: true);
        addresses["surveys"] = Address(surveys);
        addresses["mediaevents"] = Address(MediaEvents);
        Kpi = await Bed.StartServiceAsync<KpiService>("kpidb", new Dictionary<string, string?>
        {
            ["services:surveys:http:0"] = addresses["surveys"],
            ["services:mediaevents:http:0"] = addresses["mediaevents"],
        }, realHttp: true);
        addresses["kpi"] = Address(Kpi);
        return addresses;
    }

    private static string Address<T>(ServiceHost<T> host) where T : class
    {
        using var probe = host.CreateClient();
        return probe.BaseAddress!.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>Logs a media event straight through the service, as the communications unit would.</summary>
    public async Task LogMediaEventAsync(string type, DateTimeOffset startsAt)
    {
        using var editor = Bed.CreateStaffClient(MediaEvents, [StaffRoles.Communications], ["KN"], "kn-setup");
        var response = await editor.PostAsJsonAsync("/api/media-events", new
        {
            startsAt, type, title = "Preses brīfings par paveikto", summary = "", goals = new[] { 8 }, outlets = new[] { "LSM" },
            estimatedReach = 5000, coverageLinks = Array.Empty<string>(),
        });
        response.EnsureSuccessStatusCode();
    }

    public HttpClient KpiReader() => Bed.CreateStaffClient(Kpi, [StaffRoles.Leadership]);
}
