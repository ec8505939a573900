using System.Diagnostics;
using StrategyPlatform.Benchmarks;
using StrategyPlatform.TestSupport;

// Issue 13's benchmark: the platform (as the AppHost runs it) against the hand-written baseline, on the same
// servers, over real HTTP on loopback. Run through scripts/benchmark.sh (Release build); --help lists the options.
if (args.Contains("--help"))
{
    Console.WriteLine("scripts/benchmark.sh [--quick] [--responses N] [--concurrency N] [--rounds N] [--freshness-seconds S] [--seed-responses N] [--seed-media-events N] [--sessions N] [--output DIR]");
    return;
}
var options = BenchmarkOptions.Parse(args);
var results = new Results();
void Say(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
results.Setup["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'");
results.Setup["machine"] = Results.Machine();
results.Setup["load_average_at_start"] = File.ReadAllText("/proc/loadavg").Trim();
results.Setup["options"] = options;
// The issue measures rounds of at least 20,000 responses or 60 s; a shorter run shows that the harness works, not the figures.
results.Setup["short_run"] = options.Responses < 20_000;

Say("Starting the platform (AppHost model) and the baseline…");
var clock = Stopwatch.StartNew();
await using var app = await BenchmarkApp.StartAsync();
var signals = app.StopOnSignals();
Say($"Everything healthy after {clock.Elapsed.TotalSeconds:0} s.");
var processes = await ProcessStats.FindAsync(app.App);
var kpiDb = await app.ConnectionStringAsync("kpidb");
var adminDb = await app.ConnectionStringAsync("postgres");

using var manager = app.Client("surveys", ["SurveyManager"]);
// Open-link campaign evaluations (indicator 15), created and opened through the Surveys API as a survey manager does.
var platformSurveys = new Guid[options.Surveys];
for (var i = 0; i < platformSurveys.Length; i++)
{
    platformSurveys[i] = await SurveyRespondents.OpenCampaignSurveyAsync(manager, 2026);
}
var platform = new Target("platform", app.Client("surveys"), platformSurveys,
    new CountProbe(kpiDb, PlatformCounts.Query),
    ["surveys", "kpi", "postgres", "messaging"]);
var baseline = new Target("baseline", app.Client("baseline-api"), [.. Enumerable.Range(0, options.Surveys).Select(_ => Guid.NewGuid())],
    new CountProbe(await app.ConnectionStringAsync("baselinedb"), "SELECT survey_id, responses::bigint FROM response_counts WHERE survey_id = ANY($1)"),
    ["baseline-api", "baseline-consumer", "postgres", "messaging"]);

// A phase that fails leaves its fields null, with the reason in not_measured and on the console; the other
// phases still run and the file is still written.
async Task MeasureAsync(string phase, string[] fields, Func<Task> measure)
{
    try
    {
        await measure();
    }
    catch (Exception e)
    {
        Say($"{phase} failed, its figures are left out: {e.GetType().Name}: {e.Message}");
        foreach (var field in fields)
        {
            results.NotMeasured[field] = $"{phase} failed: {e.GetType().Name}: {e.Message}";
        }
    }
}

await MeasureAsync("Saturation", ["submissions_per_s", "baseline_submissions_per_s", "submissions_ratio", "end_to_end_per_s", "baseline_end_to_end_per_s",
    "end_to_end_ratio", "submit_p99_ms", "freshness_saturation_p99_ms", "cpu_ms_per_response"], async () =>
{
    Say("Warming up both systems…");
    foreach (var target in new[] { platform, baseline })
    {
        await Load.SaturateAsync(target, processes, Math.Min(2000, options.Responses), options.Concurrency);
    }
    await PgStatements.ResetAsync(adminDb);
    var runs = new List<(int Round, RunResult Run)>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        // Alternating which goes first, so neither always runs on a machine the other has just warmed or tired.
        foreach (var target in round % 2 == 1 ? new[] { platform, baseline } : [baseline, platform])
        {
            var run = await Load.SaturateAsync(target, processes, options.Responses, options.Concurrency);
            runs.Add((round, run));
            Say($"Round {round} {target.Name}: {run.AcceptedPerSecond:0} accepted/s, {run.CountedPerSecond:0} counted/s, submit p99 {Percentiles.Of(run.SubmitMs, 0.99):0} ms, freshness p99 {Percentiles.Of(run.Freshness, 0.99):0} ms, {run.CpuMsPerResponse:0.00} CPU ms/response");
            await Task.Delay(2000);
        }
    }
    Directory.CreateDirectory(options.Output);
    await File.WriteAllTextAsync(Path.Combine(options.Output, "benchmark-pg-statements.md"), await PgStatements.TopAsync(adminDb));
    Throughput.Summarise(results, runs);
});

if (results.SubmissionsPerS is { } sustained && results.BaselineSubmissionsPerS is { } baselineSustained)
{
    await MeasureAsync("Freshness at half load", ["freshness_p50_ms", "freshness_p99_ms"], async () =>
    {
        results.HalfLoadPerS = sustained / 2;
        Say($"Freshness at half load ({results.HalfLoadPerS:0}/s for {options.FreshnessDuration.TotalSeconds:0} s)…");
        // Each paced run starts on a quiet machine, so that what the run before it left (vacuum, the last recounts,
        // a consumer's backlog) is not charged to the next system: a run once read 12 s for the baseline, whose
        // consumer fell behind in its first seconds, straight after the platform's run. The wait is reported.
        async Task<RunResult> PacedAsync(Target target, double rate)
        {
            var (waited, settled) = await ProcessStats.SettleAsync(0.15, TimeSpan.FromSeconds(90));
            results.Setup[$"settled_before_{target.Name}_half_load_s"] = settled ? Math.Round(waited.TotalSeconds, 1) : "not settled in 90 s";
            Say($"{target.Name}: machine {(settled ? "quiet" : "still busy")} after {waited.TotalSeconds:0} s; pacing at {rate:0}/s.");
            return await Load.PaceAsync(target, processes, rate, options.FreshnessDuration);
        }
        var fresh = await PacedAsync(platform, sustained / 2);
        var baselineFresh = await PacedAsync(baseline, baselineSustained / 2);
        results.FreshnessP50Ms = Percentiles.Of(fresh.Freshness, 0.5);
        results.FreshnessP99Ms = Percentiles.Of(fresh.Freshness, 0.99);
        results.BaselineFreshnessP50Ms = Percentiles.Of(baselineFresh.Freshness, 0.5);
        results.BaselineFreshnessP99Ms = Percentiles.Of(baselineFresh.Freshness, 0.99);
        Say($"Freshness p50/p99: platform {results.FreshnessP50Ms:0}/{results.FreshnessP99Ms:0} ms, baseline {results.BaselineFreshnessP50Ms:0}/{results.BaselineFreshnessP99Ms:0} ms.");
    });
}
else
{
    results.NotMeasured["freshness_p50_ms"] = results.NotMeasured["freshness_p99_ms"] = "no sustained rate to take half of (the saturation phase measured none)";
}

await MeasureAsync("Overview", ["overview_p95_ms", "overview_raw_p95_ms"], async () =>
{
    Say($"Loading {options.SeedResponses:N0} survey responses and {options.SeedMediaEvents:N0} media events into the aggregator, then its rebuild…");
    await Overview.SeedAsync(kpiDb, options.SeedResponses, options.SeedMediaEvents);
    using (var administrator = app.Client("kpi", ["Administrator"]))
    {
        clock.Restart();
        (await administrator.PostAsync("/api/kpi/replay?from=facts", null)).EnsureSuccessStatusCode();
        results.Setup["rebuild_seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
    }
    await Overview.SettleAsync(kpiDb);
    using (var leadership = app.Client("kpi", ["Leadership"]))
    {
        results.OverviewP95Ms = Percentiles.Of(await Overview.TimeApiAsync(leadership, 200), 0.95);
    }
    results.OverviewRawP95Ms = Percentiles.Of(await Overview.TimeRawAsync(kpiDb, 20), 0.95);
    results.OverviewSpeedup = Results.Known(results.OverviewRawP95Ms / results.OverviewP95Ms);
    Say($"Overview p95 {results.OverviewP95Ms:0.0} ms, raw aggregate p95 {results.OverviewRawP95Ms:0} ms.");
});

await MeasureAsync("Dashboards", ["dashboard_update_p95_ms"], async () =>
{
    Say($"{options.Sessions} dashboard sessions…");
    var shown = await Dashboards.MeasureAsync(app, options.Sessions, options.DashboardChanges, options.Output);
    results.DashboardSessions = options.Sessions;
    results.DashboardUpdateP95Ms = Results.Known(Percentiles.Of(shown, 0.95));
    if (results.DashboardUpdateP95Ms is null)
    {
        results.NotMeasured["dashboard_update_p95_ms"] = $"more than 5 % of the {shown.Length} session updates were not shown within {Dashboards.ShowTimeout.TotalSeconds:0} s";
    }
    Say($"Dashboard update p95 {results.DashboardUpdateP95Ms:0} ms.");
});

foreach (var name in BenchmarkApp.Services.Concat(BenchmarkApp.Baseline))
{
    results.RssMb[name] = processes.PeakRssMb(name) is { } mb ? Math.Round(mb, 1) : null;
    if (results.RssMb[name] is null)
    {
        results.NotMeasured[$"rss_mb.{name}"] = "its process was not found under DCP's pid";
    }
}
if (app.Interrupted)
{
    Say("Interrupted: no benchmark.json written.");
    return;
}
results.Setup["load_average_at_end"] = File.ReadAllText("/proc/loadavg").Trim();
await results.WriteAsync(options.Output);
Console.WriteLine();
results.Print(Console.Out);
if (options.Responses < 20_000)
{
    Console.WriteLine($"Short run ({options.Responses:N0} responses a round, fewer than the issue's 20,000): these figures show the harness works, they are not the benchmark's figures.");
}
Console.WriteLine();
Say($"Written {Path.Combine(options.Output, "benchmark.json")}; stopping everything…");
// The signal registrations must live until the end: a collected one stops listening.
GC.KeepAlive(signals);
