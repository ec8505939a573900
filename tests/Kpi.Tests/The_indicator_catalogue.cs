using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.Kpi.Catalogue;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

public sealed class The_indicator_catalogue(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    [Fact]
    public async Task Holds_all_21_strategy_indicators_with_the_exact_baselines_on_first_start()
    {
        using var client = platform.Reader();
        var indicators = (await client.GetFromJsonAsync<JsonElement[]>("/api/kpi/indicators"))!.ToDictionary(i => i.GetProperty("number").GetString()!);

        Assert.Equal(
            ["1", "2", "3", "4", "5a", "5b", "6", "7a", "7b", "8", "9", "10", "11", "12a", "12b", "13", "14", "15", "16", "17a", "17b"],
            indicators.Keys.OrderBy(n => int.Parse(new string(n.TakeWhile(char.IsDigit).ToArray()))).ThenBy(n => n));
        var baselines = new Dictionary<string, (decimal Value, int Year)?>
        {
            ["1"] = (10m, 2023), ["2"] = null, ["3"] = null, ["4"] = (28m, 2023), ["5a"] = (0m, 2023), ["5b"] = null, ["6"] = null,
            ["7a"] = (29m, 2024), ["7b"] = null, ["8"] = (63.8m, 2024), ["9"] = (79.6m, 2024), ["10"] = null, ["11"] = null,
            ["12a"] = (348.29m, 2023), ["12b"] = null, ["13"] = (10m, 2023), ["14"] = null, ["15"] = null, ["16"] = (88.8m, 2024),
            ["17a"] = (27.4m, 2024), ["17b"] = (61.2m, 2024),
        };
        foreach (var (number, expected) in baselines)
        {
            var baseline = indicators[number].GetProperty("baseline");
            (decimal, int)? actual = baseline.ValueKind == JsonValueKind.Null ? null : (baseline.GetProperty("value").GetDecimal(), baseline.GetProperty("year").GetInt32());
            Assert.True(expected == actual, $"Indicator {number}: baseline {actual}, expected {expected}");
        }
        Assert.Equal(["1", "10", "12a", "16", "6"], indicators.Values.Where(i => i.GetProperty("isKey").GetBoolean()).Select(i => i.GetProperty("number").GetString()).Order());
        Assert.Equal(["13", "14", "15", "16"], indicators.Values.Where(i => i.GetProperty("origin").GetString() == "Computed").Select(i => i.GetProperty("number").GetString()).Order());
        // The values that can only grow during the year: counts, yearly turnover rates, energy used so far.
        Assert.Equal(["1", "12a", "12b", "13", "14", "3", "4", "6"], indicators.Values.Where(i => i.GetProperty("accumulates").GetBoolean()).Select(i => i.GetProperty("number").GetString()).Order());
        // Every indicator says in Latvian what it counts (3 and 6 once said only "Skaits").
        Assert.All(indicators.Values, i => Assert.NotEqual("Skaits", i.GetProperty("indicator").GetProperty("lv").GetString()));
    }

    [Fact]
    public async Task Gives_each_indicator_its_latvian_wording_typed_target_unit_source_and_units()
    {
        var turnover = (await platform.IndicatorAsync("1")).GetProperty("definition");
        var heat = (await platform.IndicatorAsync("12a")).GetProperty("definition");
        var news = (await platform.IndicatorAsync("14")).GetProperty("definition");

        Assert.Equal("Novēršamās personāla mainības līmenis nepārsniedz 11 % gadā", turnover.GetProperty("indicator").GetProperty("lv").GetString());
        Assert.Equal("AtMost", turnover.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(11m, turnover.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal("Percent", turnover.GetProperty("unit").GetString());
        Assert.Equal(["PDPD"], turnover.GetProperty("responsibleUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("MWh", heat.GetProperty("unit").GetString());
        Assert.Equal("LowerThanBaseline", heat.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal("Datu analīze Jedox", heat.GetProperty("dataSource").GetProperty("lv").GetString());
        Assert.Equal("AtLeastPerMonth", news.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal("Vismaz 2 ziņas mēnesī", news.GetProperty("indicator").GetProperty("lv").GetString());
    }

    [Fact]
    public async Task Holds_the_project_activity_targets_with_their_first_measurements()
    {
        using var client = platform.Reader();
        var activities = (await client.GetFromJsonAsync<JsonElement[]>("/api/kpi/activities"))!.ToDictionary(a => a.GetProperty("code").GetString()!);

        var eLearning = activities["e-learning"];
        Assert.Equal((320, 54, "2026-12-31"), (eLearning.GetProperty("targetParticipants").GetInt32(), eLearning.GetProperty("targetOrganisations").GetInt32(), eLearning.GetProperty("deadline").GetString()));
        Assert.Equal(50, eLearning.GetProperty("latest").GetProperty("participants").GetInt32());
        Assert.Equal(25, eLearning.GetProperty("latest").GetProperty("organisations").GetInt32());
        Assert.Equal(15.6m, eLearning.GetProperty("participantsShare").GetDecimal());
        Assert.Equal((180, 45), (activities["respect-code-in-person"].GetProperty("targetParticipants").GetInt32(), activities["respect-code-in-person"].GetProperty("targetOrganisations").GetInt32()));
        Assert.Equal((225, 56), (activities["respect-code-remote"].GetProperty("targetParticipants").GetInt32(), activities["respect-code-remote"].GetProperty("targetOrganisations").GetInt32()));
        Assert.Equal(4, activities["respect-code-in-person"].GetProperty("latest").GetProperty("sessions").GetInt32());
        // The note in both languages, so English pages show no Latvian text.
        Assert.StartsWith("Apmācīti 50", eLearning.GetProperty("latest").GetProperty("note").GetString());
        Assert.StartsWith("50 representatives", eLearning.GetProperty("latest").GetProperty("noteEn").GetString());
    }

    [Fact]
    public async Task Seeds_only_definitions_an_administrator_could_save()
    {
        using var client = platform.Reader();
        var numbers = (await client.GetFromJsonAsync<JsonElement[]>("/api/kpi/indicators"))!.Select(i => i.GetProperty("number").GetString()!);
        foreach (var number in numbers)
        {
            var definition = (await platform.IndicatorAsync(number)).GetProperty("definition").Deserialize<IndicatorDefinition>(KpiPlatform.Json)!;
            Assert.Empty(DefinitionValidator.Validate(definition, definition));
        }
    }

    [Fact]
    public async Task Is_read_only_to_anonymous_callers()
    {
        using var anonymous = platform.Kpi.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/kpi/indicators")).StatusCode);
    }
}
