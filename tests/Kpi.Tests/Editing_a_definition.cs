using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

public sealed class Editing_a_definition(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    [Fact]
    public async Task Versions_the_catalogue_marks_a_break_in_the_series_and_rejudges_the_status()
    {
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");
        using var admin = platform.Administrator();
        await pdpd.PostAsJsonAsync("/api/kpi/indicators/1/measurements", new { year = 2024, value = 11.5 });
        Assert.Equal("NotAchieved", (await platform.YearAsync("1", 2024)).GetProperty("status").GetString());
        var definition = JsonNode.Parse((await platform.IndicatorAsync("1")).GetProperty("definition").GetRawText())!;
        definition["target"]!["value"] = 12;

        var byOwner = await pdpd.PutAsJsonAsync("/api/kpi/indicators/1", new { definition, reason = "Monitoring group agreed 12 %" });
        var edited = await admin.PutAsJsonAsync("/api/kpi/indicators/1", new { definition, reason = "Monitoring group agreed 12 %" });
        await pdpd.PostAsJsonAsync("/api/kpi/indicators/1/measurements", new { year = 2025, value = 11.8 });

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var indicator = await platform.IndicatorAsync("1");
        Assert.Equal(2, indicator.GetProperty("indicator").GetProperty("version").GetInt32());
        Assert.Equal([2, 1], indicator.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("version").GetInt32()));
        Assert.Equal("Monitoring group agreed 12 %", indicator.GetProperty("history")[0].GetProperty("reason").GetString());
        Assert.Equal("Achieved", (await platform.YearAsync("1", 2024)).GetProperty("status").GetString());
        var series = indicator.GetProperty("indicator").GetProperty("sparkline").EnumerateArray().ToList();
        Assert.Equal(2023, series[0].GetProperty("year").GetInt32());
        Assert.True(series[0].GetProperty("isBaseline").GetBoolean());
        Assert.True(series.Single(p => p.GetProperty("year").GetInt32() == 2025).GetProperty("breakBefore").GetBoolean());
        // The edit alone moved 2024's status, no value changed: open dashboards are told all the same.
        Assert.Contains(await platform.OutboxAsync("IndicatorValueChanged"), m => m.GetProperty("indicatorNumber").GetString() == "1"
            && m.GetProperty("year").GetInt32() == 2024 && m.GetProperty("status").GetString() == "Achieved");
    }

    [Fact]
    public async Task With_an_inconsistent_rule_is_refused_naming_the_field()
    {
        using var admin = platform.Administrator();
        var definition = JsonNode.Parse((await platform.IndicatorAsync("16")).GetProperty("definition").GetRawText())!;
        definition["baseline"] = null;
        definition["goals"] = new JsonArray(1);

        var response = await admin.PutAsJsonAsync("/api/kpi/indicators/16", new { definition, reason = "test" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("definition.baseline", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("definition.goals", out _), errors.ToString());
        Assert.Equal("required", problem.GetProperty("codes").GetProperty("definition.baseline")[0].GetString());
        Assert.Equal("goal-outside-priority", problem.GetProperty("codes").GetProperty("definition.goals")[0].GetString());
        Assert.Equal(1, (await platform.IndicatorAsync("16")).GetProperty("indicator").GetProperty("version").GetInt32());
    }
}
