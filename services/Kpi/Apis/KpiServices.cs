using Npgsql;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Apis;

/// <summary>What the KPI handlers need, bundled so each handler takes one <c>[AsParameters]</c> argument.</summary>
public sealed class KpiServices(NpgsqlDataSource db, TimeProvider clock, StatusPublisher statuses, ComputedValues computed, IAuditTrail audit, SnapshotCache snapshots)
{
    public NpgsqlDataSource Db => db;
    public TimeProvider Clock => clock;
    public StatusPublisher Statuses => statuses;
    public ComputedValues Computed => computed;
    public IAuditTrail Audit => audit;

    /// <summary>The committed snapshot, from <see cref="SnapshotCache"/> unless something changed since it was read.</summary>
    public Task<KpiSnapshot> SnapshotAsync(CancellationToken ct) => snapshots.GetAsync(ct);
}
