namespace StrategyPlatform.Benchmarks;

/// <summary>The saturation rounds in the result's fields: medians over the rounds, each ratio platform / baseline.</summary>
internal static class Throughput
{
    public static void Summarise(Results results, List<(int Round, RunResult Run)> runs)
    {
        double? MedianOf(string system, Func<RunResult, double> figure) => Percentiles.Median(runs.Where(r => r.Run.System == system).Select(r => figure(r.Run)));
        // The submit latency is the median round's (by accepted/s), not a percentile over percentiles.
        RunResult MedianRun(string system)
        {
            var ordered = runs.Where(r => r.Run.System == system).Select(r => r.Run).OrderBy(r => r.AcceptedPerSecond).ToList();
            return ordered[(ordered.Count - 1) / 2];
        }
        var platform = MedianRun("platform");
        var baseline = MedianRun("baseline");
        results.SubmissionsPerS = MedianOf("platform", r => r.AcceptedPerSecond);
        results.BaselineSubmissionsPerS = MedianOf("baseline", r => r.AcceptedPerSecond);
        results.SubmissionsRatio = Results.Known(results.SubmissionsPerS / results.BaselineSubmissionsPerS);
        results.EndToEndPerS = MedianOf("platform", r => r.CountedPerSecond);
        results.BaselineEndToEndPerS = MedianOf("baseline", r => r.CountedPerSecond);
        results.EndToEndRatio = Results.Known(results.EndToEndPerS / results.BaselineEndToEndPerS);
        results.SubmitP99Ms = Percentiles.Of(platform.SubmitMs, 0.99);
        results.BaselineSubmitP99Ms = Percentiles.Of(baseline.SubmitMs, 0.99);
        results.FreshnessSaturationP99Ms = Percentiles.Of(platform.Freshness, 0.99);
        results.CpuMsPerResponse = MedianOf("platform", r => r.CpuMsPerResponse);
        results.BaselineCpuMsPerResponse = MedianOf("baseline", r => r.CpuMsPerResponse);
        results.Rounds = [.. runs.Select(r => new Results.RoundFigures(r.Round, r.Run.System, r.Run.Responses, r.Run.AcceptedPerSecond, r.Run.CountedPerSecond,
            Percentiles.Of(r.Run.SubmitMs, 0.5), Percentiles.Of(r.Run.SubmitMs, 0.99), Percentiles.Of(r.Run.Freshness, 0.99), r.Run.CpuMsPerResponse))];
    }
}
