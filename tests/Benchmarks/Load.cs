using System.Collections.Concurrent;
using System.Diagnostics;

namespace StrategyPlatform.Benchmarks;

/// <summary>What one run of a system gave.</summary>
/// <param name="AcceptedPerSecond">Responses accepted per second, first request to last answer.</param>
/// <param name="CountedPerSecond">Responses counted per second, first request to the last one counted.</param>
/// <param name="Freshness">Per response, accepted (its answer received) → counted, ms.</param>
/// <param name="CpuMsPerResponse">CPU time of the system's processes and its servers per response, until all were counted.</param>
internal sealed record RunResult(string System, int Responses, double AcceptedPerSecond, double CountedPerSecond, double[] SubmitMs, double[] Freshness, double CpuMsPerResponse);

/// <summary>Respondents answering over HTTP: as fast as a fixed number of them can (saturation), or at a fixed rate.</summary>
internal static class Load
{
    private static readonly TimeSpan CountTimeout = TimeSpan.FromMinutes(10);

    public static Task<RunResult> SaturateAsync(Target target, ProcessStats processes, int responses, int concurrency) =>
        RunAsync(target, processes, responses, async (send) =>
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < responses)
                {
                    await send(i);
                }
            })));
        });

    /// <summary>Open loop: request k is sent at k / rate seconds, whether or not the earlier ones have been answered.</summary>
    public static Task<RunResult> PaceAsync(Target target, ProcessStats processes, double rate, TimeSpan duration)
    {
        var responses = (int)(rate * duration.TotalSeconds);
        return RunAsync(target, processes, responses, async (send) =>
        {
            var inFlight = new List<Task>(responses);
            var clock = Stopwatch.StartNew();
            for (var k = 0; k < responses; k++)
            {
                var due = TimeSpan.FromSeconds(k / rate);
                if (due > clock.Elapsed + TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due - clock.Elapsed);
                }
                var i = k;
                inFlight.Add(Task.Run(() => send(i)));
            }
            await Task.WhenAll(inFlight);
        });
    }

    private static async Task<RunResult> RunAsync(Target target, ProcessStats processes, int responses, Func<Func<int, Task>, Task> drive)
    {
        var surveys = target.Surveys;
        var accepted = surveys.ToDictionary(s => s, _ => new ConcurrentBag<long>());
        var submitMs = new double[responses];
        await using var watch = await target.Counts.WatchAsync(surveys);
        var cpuBefore = processes.CpuSeconds(target.Resources);
        var started = Stopwatch.GetTimestamp();
        await drive(async i =>
        {
            var survey = surveys[i % surveys.Length];
            var sent = Stopwatch.GetTimestamp();
            await target.AnswerAsync(survey, 1 + i % 5);
            var answered = Stopwatch.GetTimestamp();
            submitMs[i] = Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds;
            accepted[survey].Add(answered);
        });
        var acceptedIn = Stopwatch.GetElapsedTime(started);
        if (!await watch.WaitForAsync(responses, CountTimeout))
        {
            throw new TimeoutException($"{target.Name}: only {watch.Total} of {responses} responses counted after {CountTimeout.TotalMinutes} min.");
        }
        var countedIn = Stopwatch.GetElapsedTime(started);
        var cpu = processes.CpuSeconds(target.Resources) - cpuBefore;

        // Within a survey the n-th response answered is taken as the n-th counted; the run spreads its
        // responses over many surveys so that few of one survey are under way at a time.
        var freshness = new List<double>(responses);
        foreach (var survey in surveys)
        {
            var answeredAt = accepted[survey].Order().ToArray();
            var countedAt = watch.CountedAt(survey);
            for (var n = 0; n < answeredAt.Length && n < countedAt.Count; n++)
            {
                freshness.Add(Math.Max(0, Stopwatch.GetElapsedTime(answeredAt[n], countedAt[n]).TotalMilliseconds));
            }
        }
        return new RunResult(target.Name, responses, responses / acceptedIn.TotalSeconds, responses / countedIn.TotalSeconds,
            submitMs, [.. freshness], cpu * 1000 / responses);
    }
}

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile; null when nothing was measured.</summary>
    public static double? Of(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double? Median(IEnumerable<double> values) => Of(values.ToArray(), 0.5);
}
