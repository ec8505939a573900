using StrategyPlatform.FaultSuite.Harness;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 2. The KPI aggregator is killed (SIGKILL, every replica) while the answers' messages flow, and started again
/// later: its queue keeps what it did not acknowledge, and it catches up, counting each answer exactly once.
/// </summary>
public sealed class ConsumerOutage : IFaultScenario
{
    public string Name => "consumer-outage";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        var aggregators = platform.InstancesOf(Resources.Kpi);
        var count = scale.ConsumerOutageSubmissions;
        var run = await AnswerLoad.RunAsync(context, Name, 2025, count, scale.Concurrency, RetryRule.Never, async ledger =>
        {
            await AnswerLoad.WhenSubmittedAsync(ledger, count * 3 / 10);
            await Task.WhenAll(aggregators.Select(a => platform.SignalAsync(a, Signals.SIGKILL)));
            await Task.Delay(scale.ConsumerOutage, ct); // the outage itself
            await Task.WhenAll(aggregators.Select(platform.StartAsync));
        }, ct);
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.Responses.CountAsync(Name, run.Ledger, run.Surveys);
        return new ScenarioResult(figures, [$"the aggregator down for {scale.ConsumerOutage.TotalSeconds:0} s"], []);
    }
}
