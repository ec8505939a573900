using System.Diagnostics;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// Runs scenarios in order on as few platforms as they allow: the single-replica scenarios on one platform,
/// the replica scenario on a second one with two replicas of each service (each started fresh).
/// </summary>
public static class SuiteRunner
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IReadOnlyList<IFaultScenario> scenarios, Scale scale, Action<ScenarioResult> report, CancellationToken ct)
    {
        var results = new List<ScenarioResult>();
        foreach (var group in scenarios.GroupBy(s => s is IMultiReplicaScenario multi ? multi.Replicas : 1))
        {
            ct.ThrowIfCancellationRequested();
            await using var platform = await FaultPlatform.StartAsync(group.Key);
            var context = new FaultContext(platform);
            foreach (var scenario in group)
            {
                ct.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                FaultLog.Write($"Scenario {scenario.Name} ({scale.Name}) starts.");
                ScenarioResult result;
                try
                {
                    result = await scenario.RunAsync(context, scale, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // A scenario that could not finish has proven nothing: it fails, and the next one still runs.
                    result = new ScenarioResult(new FaultFigures(scenario.Name, 0, 0, 0, 0, 0), [], [$"did not finish: {e}"]);
                }
                FaultLog.Write($"Scenario {scenario.Name} took {clock.Elapsed.TotalSeconds:0} s: {result.Figures}; {string.Join("; ", result.Notes.Concat(result.Violations))}");
                results.Add(result);
                report(result);
            }
        }
        return results;
    }
}

/// <summary>A scenario that needs more than one replica of each service.</summary>
public interface IMultiReplicaScenario : IFaultScenario
{
    int Replicas { get; }
}
