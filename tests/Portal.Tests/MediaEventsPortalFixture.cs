using System.Net.Http.Json;
using StrategyPlatform.MediaEvents;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Portal.Tests;

/// <summary>The portal with the real MediaEvents service (own database, real HTTP); the other services stay down.</summary>
public sealed class MediaEventsPortalFixture : PortalFixture
{
    public ServiceHost<MediaEventsService> MediaEvents { get; private set; } = null!;

    protected override async Task<Dictionary<string, string>> ServiceAddressesAsync()
    {
        var addresses = await base.ServiceAddressesAsync();
        MediaEvents = await Bed.StartServiceAsync<MediaEventsService>("mediadb", realHttp: true);
        addresses["mediaevents"] = MediaEvents.Address;
        return addresses;
    }

    /// <summary>Calls the service directly as a KN editor, to set up what a page shows or to check what it saved.</summary>
    public HttpClient Editor() => Bed.CreateStaffClient(MediaEvents, [StaffRoles.Communications], ["KN"], "kn-setup");

    public async Task<Guid> CreateEventAsync(string title, string type, DateTimeOffset startsAt, bool achievement = false)
    {
        using var editor = Editor();
        var response = await editor.PostAsJsonAsync("/api/media-events", new
        {
            startsAt, type, title, summary = "Pārskats par paveikto", goals = new[] { 8 }, outlets = new[] { "LSM" },
            estimatedReach = 5000, coverageLinks = new[] { "https://www.lsm.lv/raksts/1" }, communicatesAchievement = achievement,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    private sealed record IdOnly(Guid Id);
}
