using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>The outbox's own trace source and meter, registered in the service defaults.</summary>
public static class OutboxDiagnostics
{
    public const string Name = "StrategyPlatform.Outbox";
    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    internal static readonly Counter<long> Published = Meter.CreateCounter<long>("outbox.messages.published");
    internal static readonly Counter<long> Failed = Meter.CreateCounter<long>("outbox.messages.failed");
    /// <summary>Messages given up on until an operator retries them.</summary>
    internal static readonly Counter<long> Parked = Meter.CreateCounter<long>("outbox.messages.parked");
    internal static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("inbox.messages.duplicate");
}
