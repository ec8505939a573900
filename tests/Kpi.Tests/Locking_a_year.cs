using System.Net;
using System.Net.Http.Json;
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
}
