using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// Counts a scenario's survey answers where they are kept and shown: each submission's response in the Surveys
/// database (by the marker in its comment), the aggregator's fact for that response id, and what leadership sees —
/// the drill-down of indicator 15 or 16, per survey, and the tile's number of responses for the year.
/// </summary>
public sealed class ResponseTally(FaultPlatform platform, Settling settling)
{
    private readonly Databases databases = new(platform);

    private sealed record Response(Guid Id, Guid SurveyId, string? Marker);

    public async Task<FaultFigures> CountAsync(string name, Ledger ledger, IReadOnlyCollection<Guid> surveys)
    {
        var ids = surveys.Distinct().ToArray();
        await CatchUpAsync(ids);
        var responses = await databases.QueryAsync<Response>(Databases.Surveys,
            "SELECT id, survey_id AS SurveyId, answers->'comment'->>'text' AS Marker FROM responses WHERE survey_id = ANY(@ids)", new { ids });
        var facts = (await databases.QueryAsync<(Guid ResponseId, Guid SurveyId, string Kind, int Year)>(Databases.Kpi,
            "SELECT response_id, survey_id, kind, year FROM survey_response_facts WHERE survey_id = ANY(@ids)", new { ids })).ToList();
        var counted = facts.Select(f => f.ResponseId).ToHashSet();
        var byMarker = responses.Where(r => r.Marker is not null).ToLookup(r => r.Marker!);

        int once = 0, lost = 0, duplicated = 0;
        foreach (var submission in ledger.All)
        {
            var rows = byMarker[submission.Marker].ToList();
            if (!submission.Accepted && rows.Count == 0)
            {
                continue; // refused or never arrived, and nothing was kept: nothing to count
            }
            var times = rows.Count(r => counted.Contains(r.Id));
            if (rows.Count > 1 || times > 1)
            {
                duplicated++;
            }
            else if (times == 0)
            {
                lost++;
            }
            else
            {
                once++;
            }
        }
        // Counted without a response behind it (a fact the Surveys service does not hold).
        var known = responses.Select(r => r.Id).ToHashSet();
        var unknown = facts.Count(f => !known.Contains(f.ResponseId));
        duplicated += unknown;
        // And what people see: the drill-down per survey and the tile of each year must say the same as the facts.
        var (missing, extra) = await VisibleDifferenceAsync(facts);
        if (lost + duplicated + missing + extra > 0)
        {
            FaultLog.Write($"{name}: in the databases {lost} answer(s) without a fact, {duplicated - unknown} kept or counted twice, {unknown} fact(s) of no answer; "
                + $"on the drill-downs and tiles {missing} fewer and {extra} more than the facts");
        }
        return new FaultFigures(name, ledger.Count, ledger.Accepted, once, lost + missing, duplicated + extra);
    }

    /// <summary>
    /// The markers prove that what was queued ahead of them has been delivered, not that it is done: a message the
    /// broker redelivered after an outage or a kill may still be in the aggregator's retries when the markers are
    /// counted (measured: up to a dozen in a CI-sized run). So wait until there are as many facts as answers (or the
    /// timeout: what is still missing then is lost), then settle once more, so that a late copy of any of them is
    /// consumed before the count and shows as a duplicate if the inbox let it through.
    /// </summary>
    private async Task CatchUpAsync(Guid[] ids)
    {
        var caughtUp = await CatchUp.WithinTimeoutAsync(async () =>
        {
            var answers = await databases.ScalarAsync<long>(Databases.Surveys, "SELECT count(*) FROM responses WHERE survey_id = ANY(@ids)", new { ids });
            return await databases.ScalarAsync<bool>(Databases.Kpi,
                "SELECT count(*) >= @answers FROM survey_response_facts WHERE survey_id = ANY(@ids)", new { ids, answers });
        });
        if (caughtUp)
        {
            // Counted as it stands otherwise: the answers without a fact are lost.
            await settling.SettleAsync(FaultContext.SettleTimeout);
        }
    }

    /// <summary>Responses the drill-down or the tile shows fewer (missing) or more (extra) of than the facts hold.</summary>
    private async Task<(int Missing, int Extra)> VisibleDifferenceAsync(IReadOnlyList<(Guid ResponseId, Guid SurveyId, string Kind, int Year)> facts)
    {
        using var leadership = platform.Client(Resources.Kpi, [StaffRoles.Leadership]);
        int missing = 0, extra = 0;
        foreach (var group in facts.GroupBy(f => (Number: f.Kind == "PartnerSatisfaction" ? "16" : "15", f.Year)))
        {
            var drillDown = await leadership.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{group.Key.Number}/counted/{group.Key.Year}");
            var listed = drillDown.GetProperty("surveys").EnumerateArray()
                .ToDictionary(s => s.GetProperty("surveyId").GetGuid(), s => s.GetProperty("responses").GetInt32());
            foreach (var survey in group.GroupBy(f => f.SurveyId))
            {
                var shown = listed.GetValueOrDefault(survey.Key);
                missing += Math.Max(0, survey.Count() - shown);
                extra += Math.Max(0, shown - survey.Count());
            }
            // The tile is stored, the drill-down counted live: a consumer that skipped the recount would show here.
            var tile = await TileResponsesAsync(leadership, group.Key.Number, group.Key.Year);
            var total = listed.Values.Sum();
            missing += Math.Max(0, total - tile);
            extra += Math.Max(0, tile - total);
        }
        return (missing, extra);
    }

    private static async Task<int> TileResponsesAsync(HttpClient leadership, string number, int year)
    {
        var indicator = await leadership.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}");
        var y = indicator.GetProperty("indicator").GetProperty("years").EnumerateArray().SingleOrDefault(e => e.GetProperty("year").GetInt32() == year);
        return y.ValueKind == JsonValueKind.Object && y.TryGetProperty("responses", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : 0;
    }
}
