using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Counting;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.TestSupport;
using static Microsoft.AspNetCore.Builder.CountingRuleApi;

namespace StrategyPlatform.MediaEvents.Tests;

public sealed class Counting_for_the_indicators(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    private static readonly MediaEventType[] EventsForTheMedia =
    [
        MediaEventType.PressConference, MediaEventType.MediaBriefing, MediaEventType.Interview, MediaEventType.InformalMeetingWithJournalists,
        MediaEventType.JournalistSeminar, MediaEventType.TvOrRadioAppearance,
    ];

    [Fact]
    public async Task Indicator_13_counts_only_events_for_the_media_and_the_rule_says_why_for_every_type_in_both_languages()
    {
        var rules = await host.GetAsync<CountingRules>("/api/media-events/rules");

        Assert.Equal(EventsForTheMedia.Order(), rules.Types.Where(t => t.CountsForIndicator13).Select(t => t.Type).Order());
        Assert.Equal(Enum.GetValues<MediaEventType>().Order(), rules.Types.Select(t => t.Type).Order());
        Assert.All(rules.Types, t => Assert.False(string.IsNullOrWhiteSpace(t.Why.Lv) || string.IsNullOrWhiteSpace(t.Why.En), $"{t.Type} has no reason"));
        Assert.Equal(CountingRule.Version, rules.Version);
        Assert.Equal(CountingRule.Version, rules.History[0].Version);

        // An achievement news item is indicator 14's; it does not count for 13, in the event or in its message.
        var news = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2026-02-02T10:00:00+02:00"), MediaEventType.AchievementNews));
        var opinion = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2026-02-03T10:00:00+02:00"), MediaEventType.OpinionArticle));
        Assert.Equal((false, true), (news.CountsAsProactive, news.CountsAsAchievement));
        Assert.False(opinion.CountsAsProactive);
        var facts = (await host.OutboxAsync(news.Id))[0].Message<MediaEventRecorded>().Facts;
        Assert.Equal((false, true), (facts.CountsAsProactive, facts.CommunicatesAchievement));
    }

    [Fact]
    public async Task The_list_filtered_by_indicator_lists_what_counts_for_13_and_14_on_the_Latvian_day_and_leaves_withdrawn_events_out()
    {
        async Task<MediaEventDto> Log(string startsAt, MediaEventType type, bool achievement = false) =>
            await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse(startsAt), type, achievement: achievement));
        var interview = await Log("2023-03-05T10:00:00+02:00", MediaEventType.Interview);
        var flaggedInterview = await Log("2023-06-05T10:00:00+03:00", MediaEventType.Interview, achievement: true);
        await Log("2023-06-06T10:00:00+03:00", MediaEventType.PressRelease);
        var flaggedRelease = await Log("2023-06-07T10:00:00+03:00", MediaEventType.PressRelease, achievement: true);
        var news = await Log("2023-07-01T10:00:00+03:00", MediaEventType.AchievementNews);
        await Log("2023-07-02T10:00:00+03:00", MediaEventType.SocialMediaCampaignActivity);
        await Log("2023-07-03T10:00:00+03:00", MediaEventType.Other);
        var withdrawn = await Log("2023-08-04T10:00:00+03:00", MediaEventType.PressConference);
        await host.Editor.PostAsJsonAsync($"/api/media-events/{withdrawn.Id}/withdraw", new WithdrawRequest("Never happened", null), MediaEventsHost.Json);
        var lastEvening = await Log("2023-12-31T23:30:00+02:00", MediaEventType.MediaBriefing); // still 31 December in Riga
        await Log("2023-12-31T22:30:00Z", MediaEventType.MediaBriefing);                       // already 1 January 2024 in Riga

        async Task<IEnumerable<Guid>> Counted(string indicator) =>
            (await host.GetAsync<MediaEventPage>($"/api/media-events?countsFor={indicator}&from=2023-01-01&to=2023-12-31&take=200")).Items.Select(e => e.Id).Order();

        Assert.Equal(new[] { interview.Id, flaggedInterview.Id, lastEvening.Id }.Order(), await Counted("13"));
        Assert.Equal(new[] { flaggedInterview.Id, flaggedRelease.Id, news.Id }.Order(), await Counted("14"));
        var bad = await host.Editor.GetAsync("/api/media-events?countsFor=15");
        Assert.True((await MediaEventsHost.ProblemAsync(bad)).GetProperty("errors").TryGetProperty("countsFor", out _));
    }

    [Fact]
    public async Task A_withdrawn_event_counts_for_nothing()
    {
        var briefing = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2026-04-01T10:00:00+03:00"), MediaEventType.MediaBriefing, achievement: true));
        Assert.Equal((true, true), (briefing.CountsAsProactive, briefing.CountsAsAchievement));

        await host.Editor.PostAsJsonAsync($"/api/media-events/{briefing.Id}/withdraw", new WithdrawRequest("Cancelled", null), MediaEventsHost.Json);

        var details = await host.GetAsync<MediaEventDetails>($"/api/media-events/{briefing.Id}");
        Assert.Equal((false, false), (details.Event.CountsAsProactive, details.Event.CountsAsAchievement));
    }

    [Fact]
    public async Task A_new_counting_rule_republishes_the_events_it_moves_once_and_their_history_says_when()
    {
        // A database as the previous rule (version 1: every type but press releases) left it.
        var news = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2025-09-01T10:00:00+03:00"), MediaEventType.AchievementNews));
        var interview = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2025-09-02T10:00:00+03:00"), MediaEventType.Interview));
        var withdrawnNews = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2025-09-03T10:00:00+03:00"), MediaEventType.Other));
        await host.Editor.PostAsJsonAsync($"/api/media-events/{withdrawnNews.Id}/withdraw", new WithdrawRequest("Duplicate", null), MediaEventsHost.Json);
        var connectionString = host.Service.Services.GetRequiredService<IConfiguration>().GetConnectionString("mediadb");
        var moved = new[] { MediaEventType.AchievementNews, MediaEventType.OpinionArticle, MediaEventType.SocialMediaCampaignActivity, MediaEventType.Other };
        long expected;
        await using (var db = await host.OpenDatabaseAsync())
        {
            expected = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM media_events WHERE withdrawn_at IS NULL AND type = ANY(@types)",
                new { types = moved.Select(t => t.ToString()).ToArray() });
            await db.ExecuteAsync("DELETE FROM counting_rule_versions");
            await db.ExecuteAsync("""
                INSERT INTO counting_rule_versions (version, counted_types, summary_lv, summary_en, applied_at)
                VALUES (1, @types, 'v1', 'v1', now() - interval '1 year')
                """, new { types = Enum.GetNames<MediaEventType>().Where(t => t != nameof(MediaEventType.PressRelease)).ToArray() });
        }
        var before = DateTimeOffset.UtcNow;

        // The next start-up of the service (a deployment with the new rule), on the same database; then another.
        for (var start = 0; start < 2; start++)
        {
            await using var restarted = new ServiceHost<MediaEventsService>(new Dictionary<string, string?>
            {
                ["ConnectionStrings:mediadb"] = connectionString,
                ["ConnectionStrings:messaging"] = host.Bed.MessagingUri,
                ["Jwt:SigningKey"] = host.Bed.SigningKey,
            }, host.Bed.Spans);
            await restarted.WaitUntilHealthyAsync();
        }

        var revised = (await host.OutboxAsync(news.Id)).Where(r => r.Is<MediaEventRevised>()).Select(r => r.Message<MediaEventRevised>()).ToList();
        var message = Assert.Single(revised);
        Assert.Equal((2, false, true), (message.Version, message.Facts.CountsAsProactive, message.Facts.CommunicatesAchievement));
        Assert.DoesNotContain(await host.OutboxAsync(interview.Id), r => r.Is<MediaEventRevised>());
        Assert.DoesNotContain(await host.OutboxAsync(withdrawnNews.Id), r => r.Is<MediaEventRevised>());
        var history = (await host.GetAsync<MediaEventDetails>($"/api/media-events/{news.Id}")).History;
        var recount = history[^1];
        Assert.Equal(("Recounted", 2, "counting-rule"), (recount.Action, recount.Version, recount.ChangedBy));
        Assert.Contains(new HistoryChange("countingRule", "1", CountingRule.Version.ToString()), recount.Changes);
        Assert.Contains(new HistoryChange("countsAsProactive", "true", "false"), recount.Changes);
        var rules = await host.GetAsync<CountingRules>("/api/media-events/rules");
        Assert.Equal([CountingRule.Version, 1], rules.History.Select(h => h.Version));
        Assert.InRange(rules.History[0].AppliedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow);
        Assert.Equal(expected, rules.History[0].EventsRecounted);
    }
}
