using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 3. The Surveys service is killed (SIGKILL) under load at moments spread over the run, repeatedly, each time
/// with the broker frozen for a moment so that answers it has committed are still waiting in its outbox (counted
/// at each kill, to show the window was hit).
/// Respondents whose answer got no reply ask again with the same idempotency key. After each restart every
/// committed answer goes out once.
/// </summary>
public sealed class CrashAfterCommit(string name = "crash-after-commit", int year = 2026) : IFaultScenario
{
    public string Name => name;

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        var replicas = platform.InstancesOf(Resources.Surveys);
        var count = scale.CrashSubmissions;
        var waiting = new List<long>();
        // Paced (ten answers a second) so that answers are still arriving at every kill, however fast the replicas are.
        var run = await AnswerLoad.RunAsync(context, Name, year, count, scale.Concurrency, RetryRule.UntilAnswered(), async ledger =>
        {
            for (var kill = 1; kill <= scale.CrashKills; kill++)
            {
                await AnswerLoad.WhenSubmittedAsync(ledger, count * kill / (scale.CrashKills + 1));
                // With several replicas one goes down at a time: the others keep answering and take over the outbox.
                var victim = replicas[(kill - 1) % replicas.Count];
                // Starting one replica again can restart its siblings too (DCP's start applies to the resource): kill a running one.
                await platform.WaitReadyAsync(victim);
                // Into the window for sure: with the broker frozen (SIGSTOP) nothing committed can be confirmed, so
                // the answers committed meanwhile wait in the outbox when the service dies.
                var broker = platform.InstancesOf(Resources.Messaging).Single();
                await platform.SignalAsync(broker, Signals.SIGSTOP);
                try
                {
                    await Eventually.ReturnsAsync(() => context.Databases.PendingOutboxAsync(Databases.Surveys), pending => pending > 0,
                        TimeSpan.FromSeconds(30), because: "no answer was committed while the broker was frozen");
                    await platform.SignalAsync(victim, Signals.SIGKILL);
                    waiting.Add(await context.Databases.PendingOutboxAsync(Databases.Surveys));
                }
                finally
                {
                    await platform.SignalAsync(broker, Signals.SIGCONT);
                }
                await platform.StartAsync(victim);
            }
        }, ct, pace: TimeSpan.FromMilliseconds(100));
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.Responses.CountAsync(Name, run.Ledger, run.Surveys);
        List<string> notes = [$"{scale.CrashKills} kill(s); committed but unsent at each kill: {string.Join(", ", waiting)}"];
        List<string> violations = waiting.Any(w => w > 0) ? [] : ["no kill found a committed answer still in the outbox: the scenario did not hit the window"];
        return new ScenarioResult(figures, notes, violations);
    }
}
