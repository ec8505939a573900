using StrategyPlatform.FaultSuite.Harness;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 1. RabbitMQ is killed (SIGKILL of the Erlang VM) during the survey submissions and started again later:
/// every submission is accepted while it is down (the outbox keeps them), and each is counted exactly once
/// once it is back.
/// </summary>
public sealed class BrokerOutage(string name = "broker-outage", int year = 2024) : IFaultScenario
{
    public string Name => name;

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        var broker = platform.InstancesOf(Resources.Messaging).Single();
        var count = scale.BrokerOutageSubmissions;
        var run = await AnswerLoad.RunAsync(context, Name, year, count, scale.Concurrency, RetryRule.Never, async ledger =>
        {
            await AnswerLoad.WhenSubmittedAsync(ledger, count / 10);
            await platform.SignalAsync(broker, Signals.SIGKILL);
            await Task.Delay(scale.BrokerOutage, ct); // the outage itself: how long the broker stays down
            await platform.StartAsync(broker);
        }, ct);
        var acceptedWhileDown = run.Ledger.Accepted;
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.Responses.CountAsync(Name, run.Ledger, run.Surveys);
        List<string> violations = acceptedWhileDown == count ? [] : [$"{count - acceptedWhileDown} of {count} submissions were not accepted while the broker was down"];
        return new ScenarioResult(figures, [$"RabbitMQ down for {scale.BrokerOutage.TotalSeconds:0} s"], violations);
    }
}
