using StrategyPlatform.FaultSuite.Harness;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>9. A single-replica scenario again, on a platform with two replicas of each service behind DCP's proxy.</summary>
public sealed class WithReplicas(IFaultScenario scenario, int replicas = 2) : IMultiReplicaScenario
{
    /// <summary>The scenario's own name, which it was given with its "replicas-" prefix (it prints it on its figures).</summary>
    public string Name => scenario.Name;

    public int Replicas => replicas;

    public Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct) => scenario.RunAsync(context, scale, ct);
}
