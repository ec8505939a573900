using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

public sealed class Entering_a_measurement(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    [Fact]
    public async Task Of_2025_turnover_of_12_percent_makes_indicator_1_not_achieved_and_tells_open_dashboards()
    {
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");

        var response = await pdpd.PostAsJsonAsync("/api/kpi/indicators/1/measurements", new { year = 2025, value = 12, comment = "HOP 2025", source = "HORIZON report 2026-01" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var year = await platform.YearAsync("1", 2025);
        Assert.Equal(12m, KpiPlatform.ValueOf(year));
        Assert.Equal("NotAchieved", year.GetProperty("status").GetString());
        var changed = (await platform.OutboxAsync("IndicatorValueChanged")).Single(m => m.GetProperty("indicatorNumber").GetString() == "1" && m.GetProperty("year").GetInt32() == 2025);
        Assert.Equal(12m, changed.GetProperty("value").GetDecimal());
        Assert.Equal("NotAchieved", changed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Of_12_percent_turnover_for_the_running_year_is_not_achieved_at_once_because_the_rate_only_grows()
    {
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");
        var year = StrategyYears.Clamp(LatvianTime.Today(TimeProvider.System).Year);

        var response = await pdpd.PostAsJsonAsync("/api/kpi/indicators/1/measurements", new { year, value = 12, comment = "HOP so far" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("NotAchieved", (await platform.YearAsync("1", year)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Keeps_the_name_of_who_entered_it_beside_the_account_id()
    {
        using var fvd = platform.Staff(StaffRoles.IndicatorOwner, "FVD");

        Assert.Equal(HttpStatusCode.Created, (await fvd.PostAsJsonAsync("/api/kpi/indicators/12b/measurements", new { year = 2025, value = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fvd.PostAsJsonAsync("/api/kpi/indicators/12b/commentary", new { year = 2025, comment = "Two hybrids bought" })).StatusCode);

        var indicator = await platform.IndicatorAsync("12b");
        var measurement = indicator.GetProperty("measurements").EnumerateArray().Single();
        Assert.Equal(("IndicatorOwner-FVD", "Test user IndicatorOwner-FVD"), (measurement.GetProperty("enteredBy").GetString(), measurement.GetProperty("enteredByName").GetString()));
        Assert.Equal("Test user IndicatorOwner-FVD", indicator.GetProperty("commentary")[0].GetProperty("authorName").GetString());
    }

    [Fact]
    public async Task By_a_unit_that_does_not_own_the_indicator_is_forbidden_and_stores_nothing()
    {
        using var sppad = platform.Staff(StaffRoles.IndicatorOwner, "SPPAD");

        var response = await sppad.PostAsJsonAsync("/api/kpi/indicators/4/measurements", new { year = 2024, value = 20 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(KpiPlatform.ValueOf(await platform.YearAsync("4", 2024)));
    }

    [Fact]
    public async Task By_an_SPPAD_owner_for_indicator_1_is_forbidden()
    {
        using var sppad = platform.Staff(StaffRoles.IndicatorOwner, "SPPAD");
        Assert.Equal(HttpStatusCode.Forbidden, (await sppad.PostAsJsonAsync("/api/kpi/indicators/1/measurements", new { year = 2026, value = 9 })).StatusCode);
    }

    [Fact]
    public async Task Correction_keeps_the_earlier_value_who_when_and_why()
    {
        using var fvd = platform.Staff(StaffRoles.IndicatorOwner, "FVD");
        Assert.Equal(HttpStatusCode.Created, (await fvd.PostAsJsonAsync("/api/kpi/indicators/12a/measurements", new { year = 2024, value = 340.5, comment = "Jedox" })).StatusCode);

        var withoutReason = await fvd.PostAsJsonAsync("/api/kpi/indicators/12a/measurements", new { year = 2024, value = 338.1 });
        var corrected = await fvd.PostAsJsonAsync("/api/kpi/indicators/12a/measurements", new { year = 2024, value = 338.1, reason = "December meter reading arrived late" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.True((await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var measurements = (await platform.IndicatorAsync("12a")).GetProperty("measurements").EnumerateArray().Where(m => m.GetProperty("year").GetInt32() == 2024).ToList();
        Assert.Equal(2, measurements.Count);
        var current = measurements.Single(m => m.GetProperty("isCurrent").GetBoolean());
        var earlier = measurements.Single(m => !m.GetProperty("isCurrent").GetBoolean());
        Assert.Equal((338.1m, "December meter reading arrived late", "IndicatorOwner-FVD"),
            (current.GetProperty("value").GetDecimal(), current.GetProperty("correctionReason").GetString(), current.GetProperty("enteredBy").GetString()));
        Assert.Equal((340.5m, "Jedox"), (earlier.GetProperty("value").GetDecimal(), earlier.GetProperty("comment").GetString()));
        Assert.NotEqual(JsonValueKind.Null, earlier.GetProperty("supersededAt").ValueKind);
        Assert.Equal(338.1m, KpiPlatform.ValueOf(await platform.YearAsync("12a", 2024)));
    }

    [Fact]
    public async Task With_bad_fields_is_refused_naming_them_with_their_codes_and_changes_nothing()
    {
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");

        var share = await pdpd.PostAsJsonAsync("/api/kpi/indicators/17a/measurements", new { year = 2025, value = 120 });
        var year = await pdpd.PostAsJsonAsync("/api/kpi/indicators/17a/measurements", new { year = 1999, value = 30 });
        var yesNo = await pdpd.PostAsJsonAsync("/api/kpi/indicators/11/measurements", new { year = 2025, value = 2 });
        var beforeFirst = await pdpd.PostAsJsonAsync("/api/kpi/indicators/5b/measurements", new { year = 2025, value = 90 });

        await AssertNames(share, "value", "out-of-range");
        // ASP.NET Core's own range check on the request: a code all the same, so the page never reads the message.
        await AssertNames(year, "Year", "invalid");
        await AssertNames(yesNo, "value", "not-yes-no");
        await AssertNames(beforeFirst, "year", "before-first-measured-year");
        Assert.Null(KpiPlatform.ValueOf(await platform.YearAsync("17a", 2025)));
    }

    [Fact]
    public async Task Of_a_computed_indicator_is_refused()
    {
        using var kn = platform.Staff(StaffRoles.IndicatorOwner, "KN");
        await AssertNames(await kn.PostAsJsonAsync("/api/kpi/indicators/13/measurements", new { year = 2025, value = 30 }), "number", "computed-indicator");
    }

    private static async Task AssertNames(HttpResponseMessage response, string field, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(code, problem.GetProperty("codes").GetProperty(field)[0].GetString());
    }
}
