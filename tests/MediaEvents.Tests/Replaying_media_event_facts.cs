using System.Net;
using System.Net.Http.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.MediaEvents.Tests;

public sealed class Replaying_media_event_facts(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-03-31T23:30:00+03:00");

    [Fact]
    public async Task The_feed_pages_over_every_event_once_with_the_facts_of_its_newest_message()
    {
        var campaign = await host.Editor.PostAsJsonAsync("/api/media-events/campaigns",
            new { name = "Cieņas kods", periodFrom = "2025-01-01", goals = new[] { 9 } }, MediaEventsHost.Json);
        var campaignId = (await campaign.Content.ReadFromJsonAsync<IdOnly>(MediaEventsHost.Json))!.Id;
        var events = new List<MediaEventDto>();
        for (var i = 0; i < 7; i++)
        {
            var type = i % 3 == 0 ? MediaEventType.PressRelease : MediaEventType.MediaBriefing;
            events.Add(await host.CreateAsync(MediaEventsHost.Event(Start.AddDays(i * 10), type, title: $"Event {i}",
                achievement: i == 4, goals: [8, i + 1], campaignId: i == 5 ? campaignId : null)));
        }
        // An interview revised to a press release (twice changed), and an event withdrawn after a revision.
        await ReviseAsync(events[1], MediaEventsHost.Event(Start.AddDays(10), MediaEventType.PressRelease, title: "Event 1", goals: [8, 2], version: 1));
        await ReviseAsync(events[1], MediaEventsHost.Event(Start.AddDays(40), MediaEventType.PressRelease, title: "Event 1", goals: [3], version: 2));
        await ReviseAsync(events[2], MediaEventsHost.Event(Start.AddDays(20), MediaEventType.AchievementNews, title: "Event 2", goals: [8, 3], version: 1));
        var withdraw = await host.Editor.PostAsJsonAsync($"/api/media-events/{events[2].Id}/withdraw", new WithdrawRequest("Duplicate", 2), MediaEventsHost.Json);
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);

        // Read as the aggregator would, with a staff token of another unit, three events a page.
        var reader = host.ClientFor(StaffRoles.Leadership);
        var fed = new List<MediaEventFactsEntry>();
        Guid? after = null;
        var pages = 0;
        do
        {
            var page = (await reader.GetFromJsonAsync<MediaEventFactsPage>(
                $"/api/media-events/facts?take=3{(after is null ? "" : $"&afterId={after}")}", MediaEventsHost.Json))!;
            fed.AddRange(page.Items);
            after = page.NextAfterId;
            pages++;
        }
        while (after is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(events.Select(e => e.Id).Order(), fed.Select(f => f.MediaEventId).Order());
        var outbox = await host.AllOutboxAsync();
        foreach (var entry in fed)
        {
            var messages = outbox[entry.MediaEventId].ToList();
            var newest = messages[^1];
            var lastFacts = messages.Last(m => !m.Is<MediaEventWithdrawn>());
            var (version, facts) = lastFacts.Is<MediaEventRecorded>()
                ? (lastFacts.Message<MediaEventRecorded>().Version, lastFacts.Message<MediaEventRecorded>().Facts)
                : (lastFacts.Message<MediaEventRevised>().Version, lastFacts.Message<MediaEventRevised>().Facts);
            Assert.Equal(newest.Is<MediaEventWithdrawn>(), entry.Withdrawn);
            Assert.Equal(entry.Withdrawn ? newest.Message<MediaEventWithdrawn>().Version : version, entry.Version);
            Assert.Equal(Comparable(facts), Comparable(entry.Facts));
        }
        // The cases that matter to indicators 13 and 14 are among them.
        var revised = fed.Single(f => f.MediaEventId == events[1].Id);
        Assert.Equal((3, false, MediaEventType.PressRelease, new DateOnly(2025, 5, 10)), (revised.Version, revised.Facts.CountsAsProactive, revised.Facts.Type, revised.Facts.Date));
        Assert.True(fed.Single(f => f.MediaEventId == events[2].Id) is { Withdrawn: true, Version: 3, Facts.CommunicatesAchievement: true });
        Assert.Equal(new DateOnly(2025, 3, 31), fed.Single(f => f.MediaEventId == events[0].Id).Facts.Date);
        Assert.Equal(campaignId, fed.Single(f => f.MediaEventId == events[5].Id).Facts.CampaignId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_page_size_outside_1_to_1000_is_refused_naming_take(int take)
    {
        var response = await host.Editor.GetAsync($"/api/media-events/facts?take={take}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(response)).GetProperty("errors").TryGetProperty("take", out _));
    }

    [Fact]
    public async Task The_feed_is_for_staff_only()
    {
        var response = await host.Service.CreateClient().GetAsync("/api/media-events/facts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task ReviseAsync(MediaEventDto current, MediaEventInput input)
    {
        var response = await host.Editor.PutAsJsonAsync($"/api/media-events/{current.Id}", input, MediaEventsHost.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static string Comparable(MediaEventFacts f) =>
        $"{f.Date:yyyy-MM-dd} {f.Type} {f.CountsAsProactive} {f.CommunicatesAchievement} [{string.Join(",", f.Goals)}] {f.CampaignId}";

    private sealed record IdOnly(Guid Id);
}
