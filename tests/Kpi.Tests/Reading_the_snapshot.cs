using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

/// <summary>The API keeps the last snapshot it read (issue 13) and must never show one older than the database.</summary>
public sealed class Reading_the_snapshot(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    [Fact]
    public async Task Is_read_again_after_every_committed_change_also_one_made_in_the_database_behind_the_services_back()
    {
        var cache = platform.Kpi.Services.GetRequiredService<SnapshotCache>();
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");
        Assert.Equal(HttpStatusCode.Created, (await pdpd.PostAsJsonAsync("/api/kpi/indicators/4/measurements", new { year = 2025, value = 26 })).StatusCode);

        var first = await cache.GetAsync(CancellationToken.None);
        Assert.Equal(26m, first.ValuesOf("4")[2025].Value);
        Assert.Same(first.Values, (await cache.GetAsync(CancellationToken.None)).Values);

        await using (var db = await platform.OpenDatabaseAsync())
        {
            // Uncommitted, it is nobody's yet: the snapshot stays.
            await using (var tx = await db.BeginTransactionAsync())
            {
                await db.ExecuteAsync("UPDATE measurements SET value = 99 WHERE indicator_number = '4' AND year = 2025 AND superseded_at IS NULL", transaction: tx);
                Assert.Same(first.Values, (await cache.GetAsync(CancellationToken.None)).Values);
                await tx.RollbackAsync();
            }
            await db.ExecuteAsync("UPDATE measurements SET value = 31 WHERE indicator_number = '4' AND year = 2025 AND superseded_at IS NULL");
        }

        var after = await cache.GetAsync(CancellationToken.None);
        Assert.NotSame(first.Values, after.Values);
        Assert.Equal(31m, after.ValuesOf("4")[2025].Value);
        Assert.Equal(31m, KpiPlatform.ValueOf(await platform.YearAsync("4", 2025)));
    }

    [Fact]
    public async Task Asked_by_fifty_dashboards_at_once_after_a_change_is_read_once_for_all_of_them()
    {
        var cache = platform.Kpi.Services.GetRequiredService<SnapshotCache>();
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");
        Assert.Equal(HttpStatusCode.Created, (await pdpd.PostAsJsonAsync("/api/kpi/indicators/4/measurements", new { year = 2024, value = 24 })).StatusCode);

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => cache.GetAsync(CancellationToken.None))));

        Assert.Single(snapshots.Select(s => s.Values).Distinct(ReferenceEqualityComparer.Instance));
        Assert.Equal(24m, snapshots[0].ValuesOf("4")[2024].Value);
    }
}
