using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

public sealed class Locking_a_year(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    [Fact]
    public async Task Lets_only_an_administrator_correct_it_and_only_with_a_reason()
    {
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");
        using var leadership = platform.Staff(StaffRoles.Leadership);
        using var admin = platform.Administrator();
        Assert.Equal(HttpStatusCode.Created, (await pdpd.PostAsJsonAsync("/api/kpi/indicators/4/measurements", new { year = 2024, value = 26 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pdpd.PostAsJsonAsync("/api/kpi/years/2024/lock", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await leadership.PostAsJsonAsync("/api/kpi/years/2024/lock", new { note = "Monitoring group, 2025-02-10" })).StatusCode);
        var byOwner = await pdpd.PostAsJsonAsync("/api/kpi/indicators/4/measurements", new { year = 2024, value = 24, reason = "recount" });
        var newByOwner = await pdpd.PostAsJsonAsync("/api/kpi/indicators/1/measurements", new { year = 2024, value = 9 });
        var byAdminWithoutReason = await admin.PostAsJsonAsync("/api/kpi/indicators/4/measurements", new { year = 2024, value = 24 });
        var byAdmin = await admin.PostAsJsonAsync("/api/kpi/indicators/4/measurements", new { year = 2024, value = 24, reason = "HOP recount after review" });

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newByOwner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byAdminWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        var year = await platform.YearAsync("4", 2024);
        Assert.Equal(24m, KpiPlatform.ValueOf(year));
        Assert.True(year.GetProperty("locked").GetBoolean());
        Assert.Equal("Achieved", year.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Is_refused_while_the_year_runs_and_outside_the_strategy_and_then_nothing_is_locked()
    {
        using var leadership = platform.Staff(StaffRoles.Leadership);
        var running = StrategyYears.Clamp(LatvianTime.Today(TimeProvider.System).Year);

        var early = await leadership.PostAsJsonAsync($"/api/kpi/years/{running}/lock", new { note = "mid-year review" });
        var baselineYear = await leadership.PostAsJsonAsync("/api/kpi/years/2023/lock", new { });

        if (running == LatvianTime.Today(TimeProvider.System).Year)
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            var problem = await early.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(running, problem.GetProperty("year").GetInt32());
            Assert.Contains($"31.12.{running}", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, baselineYear.StatusCode);
        Assert.True((await baselineYear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("year", out _));
        await using var db = await platform.OpenDatabaseAsync();
        Assert.False(await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM year_locks WHERE year IN (2023, @running))", new { running }));
        var years = await leadership.GetFromJsonAsync<JsonElement>("/api/kpi/years");
        Assert.Equal(StrategyYears.All, years.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
    }
}
