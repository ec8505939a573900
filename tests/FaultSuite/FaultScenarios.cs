using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.FaultSuite.Scenarios;

namespace StrategyPlatform.FaultSuite;

/// <summary>The suite in the order it runs (the scenarios 1–10, then graceful shutdown and backup and restore, which starts a fresh platform of its own); the replica scenarios last, on a platform of their own.</summary>
public static class FaultScenarios
{
    public static IReadOnlyList<IFaultScenario> All { get; } =
    [
        new BrokerOutage(),
        new ConsumerOutage(),
        new CrashAfterCommit(),
        new Redelivery(),
        new Poison(),
        new Backlog(),
        new MediaEditRace(),
        new SlowService(),
        new GracefulShutdown(),
        new BackupRestore(),
        // Last on its platform: after PostgreSQL comes back DCP can take a while to report the services' state again.
        new DatabaseRestart(),
        new WithReplicas(new BrokerOutage("replicas-broker-outage", 2026)),
        new WithReplicas(new CrashAfterCommit("replicas-crash-after-commit", 2025)),
        new WithReplicas(new RevisionOrder("replicas-revision-order")),
    ];
}
