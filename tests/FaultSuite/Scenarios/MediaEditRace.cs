using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 8. Two editors save the same version of a media event at once, with different types: one is saved, the other
/// gets a clear 409 (optimistic concurrency) and, having re-read the event, saves its change on top. The history
/// holds exactly what happened (created, one revision, the second revision), and the aggregator counts the final
/// version only.
/// </summary>
public sealed class MediaEditRace : IFaultScenario
{
    private const int Year = 2025;

    public string Name => "media-edit-race";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        using var editors = platform.Client(Resources.MediaEvents, [StaffRoles.Communications]);
        var ledger = new Ledger();
        var markers = Enumerable.Range(0, scale.RaceEvents).Select(i => FaultContext.Marker(Name, i)).ToList();
        await LoadClient.RunAsync(markers, m => m, m => MediaEventRequests.Create(m, Year), editors, ledger, scale.Concurrency, RetryRule.Never, ct,
            MediaEventRequests.ReadIdAsync);

        var violations = new List<string>();
        var conflicts = 0;
        await Parallel.ForEachAsync(ledger.All.Where(s => s.CreatedId is not null), new ParallelOptions { MaxDegreeOfParallelism = scale.Concurrency, CancellationToken = ct },
            async (submission, token) =>
            {
                var id = submission.CreatedId!.Value;
                string[] types = ["PressConference", "OpinionArticle"];
                var race = await Task.WhenAll(types.Select(async type =>
                {
                    using var response = await editors.SendAsync(MediaEventRequests.Revise(id, submission.Marker, Year, type, version: 1), token);
                    return (Type: type, response.StatusCode, Problem: response.StatusCode == HttpStatusCode.Conflict ? await response.Content.ReadFromJsonAsync<JsonElement>(token) : default);
                }));
                var saved = race.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
                var refused = race.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
                if (saved.Count != 1 || refused.Count != 1 || refused[0].Problem.GetProperty("currentVersion").GetInt32() != 2)
                {
                    lock (violations)
                    {
                        violations.Add($"{submission.Marker}: the race ended {string.Join(" and ", race.Select(r => (int)r.StatusCode))}, not one 200 and one 409 naming version 2");
                    }
                    return;
                }
                Interlocked.Increment(ref conflicts);
                // The refused editor re-reads the event and saves its change on the version it now sees.
                using var again = await editors.SendAsync(MediaEventRequests.Revise(id, submission.Marker, Year, refused[0].Type, version: 2), token);
                var history = await context.Databases.QueryAsync<(int Version, string Action)>(Databases.Media,
                    "SELECT version, action FROM media_event_history WHERE event_id = @id ORDER BY version", new { id });
                var final = await context.Databases.ScalarAsync<string>(Databases.Media, "SELECT type FROM media_events WHERE id = @id", new { id });
                if (again.StatusCode != HttpStatusCode.OK || history.SequenceEqual([(1, "Created"), (2, "Revised"), (3, "Revised")]) is false
                    || final != refused[0].Type)
                {
                    lock (violations)
                    {
                        violations.Add($"{submission.Marker}: after the 409 the save answered {(int)again.StatusCode}, history {string.Join(", ", history.Select(h => $"{h.Version} {h.Action}"))}, type {final}");
                    }
                }
            });
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        // Counted at the final version only: a fact left at version 2 is lost, one listed for 13 when the final type does not count is a duplicate.
        var figures = await context.MediaEvents.CountAsync(Name, ledger);
        return new ScenarioResult(figures, [$"{conflicts} of {ledger.Accepted} races ended in one save and one 409; each refused editor saved again on top"], violations);
    }
}
