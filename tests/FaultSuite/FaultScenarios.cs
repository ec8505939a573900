using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.FaultSuite.Scenarios;

namespace StrategyPlatform.FaultSuite;

/// <summary>The suite, in the order it runs (the numbering).</summary>
public static class FaultScenarios
{
    public static IReadOnlyList<IFaultScenario> All { get; } =
    [
        new BrokerOutage(),
        new ConsumerOutage(),
        new CrashAfterCommit(),
        new Redelivery(),
        new Poison(),
    ];
}
