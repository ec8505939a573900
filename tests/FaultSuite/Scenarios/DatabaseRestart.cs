using Microsoft.Extensions.Diagnostics.HealthChecks;
using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 6. PostgreSQL is restarted (SIGKILL, then started again) under load. Every request either succeeds or gets a
/// clear 503 ProblemDetails (nothing half-written: a 503's answer was not kept), the services report unhealthy
/// while it is down and recover on their own, without being restarted, and every accepted answer is counted once.
/// </summary>
public sealed class DatabaseRestart : IFaultScenario
{
    private const int Year = 2025;

    public string Name => "database-restart";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        var postgres = platform.InstancesOf(Resources.Postgres).Single();
        var services = Resources.Services.SelectMany(platform.InstancesOf).ToList();
        var pids = services.ToDictionary(s => s, s => platform.ProcessOf(s).Pid);
        var count = scale.DatabaseRestartSubmissions;
        var seenUnhealthy = new HashSet<string>();
        var run = await AnswerLoad.RunAsync(context, Name, Year, count, scale.Concurrency, RetryRule.Never, async ledger =>
        {
            await AnswerLoad.WhenSubmittedAsync(ledger, count / 3);
            await platform.SignalAsync(postgres, Signals.SIGKILL);
            // While it is down each service says so on its readiness (DCP polls /health).
            await Eventually.ReturnsAsync(() => Task.FromResult(services.Where(s => platform.HealthOf(s) == HealthStatus.Unhealthy).ToList()),
                unhealthy => { seenUnhealthy.UnionWith(unhealthy); return seenUnhealthy.Count == services.Count; }, TimeSpan.FromSeconds(60),
                because: "not every service reported the database down");
            await platform.StartAsync(postgres);
            foreach (var service in services)
            {
                await platform.WaitReadyAsync(service);
            }
        }, ct, pace: TimeSpan.FromMilliseconds(40));
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.Responses.CountAsync(Name, run.Ledger, run.Surveys);
        var attempts = run.Ledger.All.SelectMany(s => s.Attempts).ToList();
        var unclear = attempts.Where(a => !a.Succeeded && !a.IsProblem503).ToList();
        // A refused answer must not have been kept: the figures count a kept answer with no 2xx as accepted-and-counted,
        // so check it here too.
        var keptButRefused = await context.Databases.AnswersKeptAsync(run.Surveys, run.Ledger.All.Where(s => !s.Accepted).Select(s => s.Marker));
        var restarted = services.Where(s => platform.ProcessOf(s).Pid != pids[s]).ToList();
        var violations = new List<string>();
        if (unclear.Count > 0)
        {
            violations.Add($"{unclear.Count} request(s) got neither success nor a 503 ProblemDetails: {string.Join(", ", unclear.GroupBy(a => a.Status?.ToString() ?? a.Error).Select(g => $"{g.Key} ×{g.Count()}"))}");
        }
        if (keptButRefused > 0)
        {
            violations.Add($"{keptButRefused} answer(s) were kept although the respondent was told 503");
        }
        if (restarted.Count > 0)
        {
            violations.Add($"{string.Join(", ", restarted)} had to be restarted");
        }
        var refused = attempts.Count(a => a.IsProblem503);
        return new ScenarioResult(figures,
            [$"{refused} request(s) answered 503 ProblemDetails while PostgreSQL was down; every service reported unhealthy and recovered without a restart"], violations);
    }
}
