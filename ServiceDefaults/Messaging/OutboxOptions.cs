namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>Outbox tuning, bound from <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Fallback poll when no notification arrives (a notification can be missed while the listener reconnects).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 200;
    /// <summary>Partitions published at once; each waits for its broker confirm.</summary>
    public int MaxConcurrentPublishes { get; set; } = 32;
    /// <summary>How long one publish may wait for the broker's confirm before the row is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Refusals (a publish that failed with the broker reachable, not a timeout) after which a message is parked
    /// instead of retried: it stops holding back its partition and waits for an operator. A timeout or an
    /// unreachable broker does not count, so an outage of any length parks nothing.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>/health turns Degraded when this many messages wait to be sent…</summary>
    public int DegradedBacklog { get; set; } = 1000;
    /// <summary>…or when the oldest has waited this long.</summary>
    public TimeSpan DegradedAge { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often housekeeping deletes what no longer matters (below).</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan DispatchedRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Longer than any redelivery window, so a late duplicate is still recognised.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Rows deleted per statement, so housekeeping never holds long locks or one huge transaction.</summary>
    public int HousekeepingBatch { get; set; } = 5000;

    internal TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxBackoff.TotalSeconds);
        // Jitter keeps replicas and partitions from retrying in lock-step after an outage.
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
