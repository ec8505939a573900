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
    public TimeSpan DispatchedRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Longer than any redelivery window, so a late duplicate is still recognised.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    internal TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxBackoff.TotalSeconds);
        // Jitter keeps replicas and partitions from retrying in lock-step after an outage.
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
