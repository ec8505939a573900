using System.Net;
using System.Net.Http.Json;
using StrategyPlatform.MediaEvents.Campaigns;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.MediaEvents.Tests;

public sealed class Managing_campaigns(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    private async Task<CampaignDto> CreateAsync(string name)
    {
        var response = await host.Editor.PostAsJsonAsync("/api/media-events/campaigns",
            new CampaignInput(name, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [9, 8], ["NGOs", "Municipalities"]), MediaEventsHost.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CampaignDto>(MediaEventsHost.Json))!;
    }

    [Fact]
    public async Task Lists_each_campaign_with_the_number_of_its_events_not_withdrawn()
    {
        var campaign = await CreateAsync("Equal pay 2026");
        var start = DateTimeOffset.Parse("2026-03-03T10:00:00+02:00");
        await host.CreateAsync(MediaEventsHost.Event(start, campaignId: campaign.Id));
        var withdrawn = await host.CreateAsync(MediaEventsHost.Event(start.AddDays(1), campaignId: campaign.Id));
        await host.Editor.PostAsJsonAsync($"/api/media-events/{withdrawn.Id}/withdraw", new { reason = "Cancelled" }, MediaEventsHost.Json);

        var listed = (await host.GetAsync<List<CampaignDto>>("/api/media-events/campaigns")).Single(c => c.Id == campaign.Id);
        var events = await host.GetAsync<Events.MediaEventPage>($"/api/media-events?campaignId={campaign.Id}");

        Assert.Equal(1, listed.EventCount);
        Assert.Equal([8, 9], listed.Goals);
        Assert.Equal("Equal pay 2026", Assert.Single(events.Items).CampaignName);
    }

    [Fact]
    public async Task Refuses_a_second_campaign_of_the_same_name_a_stale_edit_and_writers_outside_communications()
    {
        var campaign = await CreateAsync("Cieņas kods seminars");
        var input = new CampaignInput("Cieņas kods – seminars", new DateOnly(2026, 1, 1), null, [9], [], Version: 1);

        var duplicate = await host.Editor.PostAsJsonAsync("/api/media-events/campaigns", input with { Name = "CIEŅAS KODS SEMINARS" }, MediaEventsHost.Json);
        var renamed = await host.Editor.PutAsJsonAsync($"/api/media-events/campaigns/{campaign.Id}", input, MediaEventsHost.Json);
        var stale = await host.Editor.PutAsJsonAsync($"/api/media-events/campaigns/{campaign.Id}", input with { Name = "Late" }, MediaEventsHost.Json);
        var backwards = await host.Editor.PutAsJsonAsync($"/api/media-events/campaigns/{campaign.Id}",
            input with { PeriodTo = new DateOnly(2025, 1, 1), Version = 2 }, MediaEventsHost.Json);
        var forbidden = await host.ClientFor(StaffRoles.Leadership).PostAsJsonAsync("/api/media-events/campaigns", input with { Name = "Other" }, MediaEventsHost.Json);

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(duplicate)).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(backwards)).GetProperty("errors").TryGetProperty("periodTo", out _));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var stored = await host.GetAsync<CampaignDto>($"/api/media-events/campaigns/{campaign.Id}");
        Assert.Equal(("Cieņas kods – seminars", 2), (stored.Name, stored.Version));
    }

    [Fact]
    public async Task The_api_is_described_in_its_openapi_document()
    {
        var document = await host.Service.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/media-events/rules", document);
        Assert.Contains("/api/media-events/import", document);
    }
}
