using System.Net.Http.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.MediaEvents.Overview;
using static Microsoft.AspNetCore.Builder.MediaEventsApi;

namespace StrategyPlatform.MediaEvents.Tests;

public sealed class Overview_of_a_year(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    [Fact]
    public async Task Counts_proactive_events_and_achievement_news_per_month_against_last_year_and_the_2023_baseline()
    {
        async Task Log(string startsAt, MediaEventType type, bool achievement = false) =>
            await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse(startsAt), type, achievement: achievement));
        await Log("2024-03-05T10:00:00+02:00", MediaEventType.Interview);
        await Log("2024-06-05T10:00:00+03:00", MediaEventType.PressConference);
        await Log("2024-06-06T10:00:00+03:00", MediaEventType.PressRelease);
        await Log("2025-01-10T10:00:00+02:00", MediaEventType.Interview);
        await Log("2025-01-11T10:00:00+02:00", MediaEventType.PressRelease, achievement: true);
        await Log("2025-01-12T10:00:00+02:00", MediaEventType.AchievementNews);
        await Log("2025-02-03T10:00:00+02:00", MediaEventType.Interview);
        var withdrawn = await host.CreateAsync(MediaEventsHost.Event(DateTimeOffset.Parse("2025-02-04T10:00:00+02:00"), MediaEventType.Interview));
        await host.Editor.PostAsJsonAsync($"/api/media-events/{withdrawn.Id}/withdraw", new WithdrawRequest("Never happened", null), MediaEventsHost.Json);
        await Log("2025-03-20T10:00:00+02:00", MediaEventType.AchievementNews);
        await Log("2025-12-31T23:30:00+02:00", MediaEventType.Interview); // still 31 December in Riga
        await Log("2025-12-31T22:30:00Z", MediaEventType.Interview);      // already 1 January 2026 in Riga

        var overview = await host.GetAsync<YearOverview>("/api/media-events/overview/2025");

        Assert.Equal([2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1], overview.Months.Select(m => m.ProactiveEvents));
        Assert.Equal([2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], overview.Months.Select(m => m.AchievementNews));
        Assert.Equal([false, true, true, true, true, true, true, true, true, true, true, true], overview.Months.Select(m => m.BelowAchievementTarget));
        Assert.All(overview.Months, m => Assert.True(m.IsComplete));
        Assert.Equal((5, 3), (overview.YearToDate.ProactiveEvents, overview.YearToDate.AchievementNews));
        Assert.Equal(new DateOnly(2025, 12, 31), overview.YearToDate.Through);
        Assert.Equal(2, overview.LastYearSamePeriod.ProactiveEvents);
        Assert.Equal(2, overview.LastYearProactiveTotal);
        Assert.Equal(3, overview.ProactiveChangeVsLastYear);
        Assert.Equal(10, overview.ProactiveBaseline2023);
        Assert.Equal(-5, overview.ProactiveChangeVsBaseline);
    }

    [Fact]
    public async Task Shows_the_proactive_rule_every_type_but_press_releases()
    {
        var rules = await host.GetAsync<CountingRules>("/api/media-events/rules");

        Assert.Equal([MediaEventType.PressRelease], rules.NotProactiveTypes);
        Assert.Equal(Enum.GetValues<MediaEventType>().Length - 1, rules.ProactiveTypes.Count);
        Assert.Equal(2, rules.MonthlyAchievementNewsTarget);
    }
}
