using System.Net;
using System.Net.Http.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.MediaEvents.Tests;

public sealed class Logging_a_media_event(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    [Fact]
    public async Task Answers_201_and_publishes_MediaEventRecorded_with_its_Latvian_date_through_the_outbox()
    {
        // 22:30 UTC on 31 March is already 1 April in Riga (UTC+3 in summer): the Latvian day counts.
        var startsAt = new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero);

        var created = await host.CreateAsync(MediaEventsHost.Event(startsAt, MediaEventType.Interview, goals: [8, 2]));

        Assert.Equal(1, created.Version);
        Assert.Equal(new DateOnly(2026, 4, 1), created.Date);
        Assert.Equal(["I", "III"], created.Priorities);
        Assert.True(created.CountsAsProactive);
        var outbox = await host.OutboxAsync(created.Id);
        var recorded = Assert.Single(outbox).Message<MediaEventRecorded>();
        Assert.Equal(created.Id, recorded.MediaEventId);
        Assert.Equal(1, recorded.Version);
        Assert.Equal(new DateOnly(2026, 4, 1), recorded.Facts.Date);
        Assert.Equal(MediaEventType.Interview, recorded.Facts.Type);
        Assert.True(recorded.Facts.CountsAsProactive);
        Assert.False(recorded.Facts.CommunicatesAchievement);
        Assert.Equal([2, 8], recorded.Facts.Goals);
        Assert.Null(recorded.Facts.CampaignId);
        // Dispatched means the broker confirmed it: the message left the service.
        await Eventually.ReturnsAsync(() => host.OutboxAsync(created.Id), rows => rows.All(r => r.Dispatched), because: "the outbox row was never published");
    }

    [Fact]
    public async Task Flags_achievement_news_for_indicator_14_by_its_type_or_by_the_flag()
    {
        var news = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2026-05-04T09:00:00+03:00"), MediaEventType.AchievementNews));
        var flagged = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2026-05-05T09:00:00+03:00"), MediaEventType.PressRelease, achievement: true));

        Assert.True((await host.OutboxAsync(news.Id))[0].Message<MediaEventRecorded>().Facts.CommunicatesAchievement);
        var pressRelease = (await host.OutboxAsync(flagged.Id))[0].Message<MediaEventRecorded>().Facts;
        Assert.True(pressRelease.CommunicatesAchievement);
        Assert.False(pressRelease.CountsAsProactive);
    }

    [Fact]
    public async Task With_bad_fields_is_refused_naming_each_field_and_writes_nothing()
    {
        var before = await host.CountRowsAsync();
        var start = DateTimeOffset.Parse("2026-06-01T10:00:00+03:00");

        var response = await host.Editor.PostAsJsonAsync("/api/media-events", new MediaEventInput(
            start, start.AddHours(-1), MediaEventType.Interview, "  ", null, [3, 11], null, null, null, null, -5, null,
            ["https://ok.lv/a", "www.delfi.lv/raksts"], "lv"), MediaEventsHost.Json);
        var missing = await host.Editor.PostAsJsonAsync("/api/media-events", new { title = new string('x', 201) }, MediaEventsHost.Json);
        var unknownCampaign = await host.Editor.PostAsJsonAsync("/api/media-events", MediaEventsHost.Event(start, campaignId: Guid.NewGuid()), MediaEventsHost.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await MediaEventsHost.ProblemAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["coverageLinks[1]", "endsAt", "estimatedReach", "goals[1]", "title"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("cannot end before it starts", errors.GetProperty("endsAt")[0].GetString());
        // The same fields with a stable code each, which the portal translates.
        Assert.Equal(["invalid-web-address", "ends-before-starts", "out-of-range", "out-of-range", "required"],
            problem.GetProperty("codes").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Value[0].GetString()));
        var missingErrors = (await MediaEventsHost.ProblemAsync(missing)).GetProperty("errors");
        Assert.Equal(["startsAt", "title", "type"], missingErrors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, unknownCampaign.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(unknownCampaign)).GetProperty("errors").TryGetProperty("campaignId", out _));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task Is_refused_to_staff_outside_communications_and_to_calls_without_a_token()
    {
        var input = MediaEventsHost.Event(DateTimeOffset.Parse("2026-07-01T10:00:00+03:00"));
        var before = await host.CountRowsAsync();

        var leadership = host.ClientFor(StaffRoles.Leadership);
        var forbidden = await leadership.PostAsJsonAsync("/api/media-events", input, MediaEventsHost.Json);
        var anonymous = await host.Service.CreateClient().PostAsJsonAsync("/api/media-events", input, MediaEventsHost.Json);
        var anonymousRead = await host.Service.CreateClient().GetAsync("/api/media-events");
        var leadershipRead = await leadership.GetAsync("/api/media-events");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, leadershipRead.StatusCode);
        Assert.Equal(before, await host.CountRowsAsync());
    }
}
