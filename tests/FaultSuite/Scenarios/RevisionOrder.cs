using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// Part of 9: media events revised several times in quick succession, each save landing on whichever replica
/// DCP's proxy picks: the revisions reach the aggregator in order, so it ends at each event's final version.
/// </summary>
public sealed class RevisionOrder(string name = "revision-order") : IFaultScenario
{
    private const int Year = 2026;
    private const int Revisions = 5;

    public string Name => name;

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        using var communications = context.Platform.Client(Resources.MediaEvents, [StaffRoles.Communications]);
        var ledger = new Ledger();
        var markers = Enumerable.Range(0, scale.RaceEvents * 2).Select(i => FaultContext.Marker(Name, i)).ToList();
        await LoadClient.RunAsync(markers, m => m, m => MediaEventRequests.Create(m, Year), communications, ledger, scale.Concurrency, RetryRule.Never, ct,
            MediaEventRequests.ReadIdAsync);
        // Alternating types: one that counts for indicator 13 and one that does not, so a revision applied out of order shows.
        string[] types = ["OpinionArticle", "PressConference"];
        var failed = 0;
        await Parallel.ForEachAsync(ledger.All.Where(s => s.CreatedId is not null), new ParallelOptions { MaxDegreeOfParallelism = scale.Concurrency, CancellationToken = ct },
            async (submission, token) =>
            {
                for (var version = 1; version <= Revisions; version++)
                {
                    using var revised = await communications.SendAsync(
                        MediaEventRequests.Revise(submission.CreatedId!.Value, submission.Marker, Year, types[version % 2], version), token);
                    if (!revised.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                        return;
                    }
                }
            });
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.MediaEvents.CountAsync(Name, ledger);
        List<string> violations = failed == 0 ? [] : [$"{failed} revision(s) were refused"];
        return new ScenarioResult(figures, [$"{ledger.Accepted} events revised {Revisions} times each across {context.Platform.Replicas} replica(s)"], violations);
    }
}
