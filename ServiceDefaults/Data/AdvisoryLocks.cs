namespace StrategyPlatform.ServiceDefaults.Data;

/// <summary>
/// Every PostgreSQL advisory-lock key the platform takes, in one place: keys are global to a database, and two
/// jobs that share one by accident block each other (the KPI catalogue seeder once shared the dispatcher's).
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Replicas starting together apply each migration once.</summary>
    public const long Migrations = 7_305_163_021;
    /// <summary>One replica at a time dispatches the outbox, which keeps each partition's order.</summary>
    public const long OutboxDispatcher = 7_305_163_022;
    /// <summary>MediaEvents: a new counting rule is applied (and events recounted) once.</summary>
    public const long CountingRuleChange = 7_305_163_023;
    /// <summary>Kpi: the indicator catalogue is seeded once.</summary>
    public const long CatalogueSeeding = 7_305_163_024;
}
