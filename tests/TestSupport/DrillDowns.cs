using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace StrategyPlatform.TestSupport;

/// <summary>Checks that what a computed indicator's drill-down lists for a year makes exactly the value its tile shows.</summary>
public static class DrillDowns
{
    /// <summary>
    /// Reads the indicator's year as the dashboard shows it and the drill-down's list for that year,
    /// and fails unless the list alone gives the tile's value (13: the events; 14: the months with at
    /// least N of them; 15 and 16: n, the share and the 95 % interval over every survey listed). Returns the list.
    /// </summary>
    public static async Task<JsonElement> AssertListMakesTheTileAsync(HttpClient kpiReader, string number, int year)
    {
        var tile = (await kpiReader.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}")).GetProperty("indicator").GetProperty("years")
            .EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year);
        var counted = await kpiReader.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}/counted/{year}");
        var value = Number(tile, "value");
        Assert.Equal(value, Number(counted, "value"));
        var events = counted.GetProperty("events").EnumerateArray().ToList();
        var surveys = counted.GetProperty("surveys").EnumerateArray().ToList();
        switch (number)
        {
            case "13":
                Assert.Equal(value ?? 0, events.Count);
                break;
            case "14":
                var monthly = new int[12];
                events.ForEach(e => monthly[DateOnly.Parse(e.GetProperty("date").GetString()!).Month - 1]++);
                Assert.Equal(value ?? 0, monthly.Count(m => m >= counted.GetProperty("perMonth").GetInt32()));
                if (value is not null)
                {
                    Assert.Equal(monthly, tile.GetProperty("monthly").EnumerateArray().Select(m => m.GetInt32()));
                }
                break;
            default:
                int n = surveys.Sum(s => s.GetProperty("n").GetInt32()), positive = surveys.Sum(s => s.GetProperty("positive").GetInt32());
                Assert.Equal(Number(tile, "n") ?? 0, n);
                // Half away from zero, as the service and every page round a share.
                Assert.Equal(value, n == 0 ? null : Math.Round(100m * positive / n, 1, MidpointRounding.AwayFromZero));
                // The interval is the one the tile shows (made from the listed surveys' n and populations).
                Assert.Equal(Number(tile, "ciLow"), Number(counted, "ciLow"));
                Assert.Equal(Number(tile, "ciHigh"), Number(counted, "ciHigh"));
                break;
        }
        return counted;
    }

    private static decimal? Number(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Number ? e.GetProperty(property).GetDecimal() : null;
}
