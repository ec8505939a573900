using System.Threading.Channels;

namespace StrategyPlatform.Portal.Indicators;

/// <summary>An indicator's value changed for a year; open dashboards reload that indicator.</summary>
public sealed record IndicatorChange(string Number, int Year);

/// <summary>
/// Tells the open dashboard circuits of this portal instance that an indicator changed. Each
/// subscriber gets its own bounded channel read on its own loop, so a slow or broken page never
/// holds up the message consumer or the other pages.
/// </summary>
public sealed class IndicatorChanges(ILogger<IndicatorChanges> logger)
{
    private readonly Lock gate = new();
    private readonly List<Channel<IndicatorChange>> subscribers = [];

    public void Publish(IndicatorChange change)
    {
        lock (gate)
        {
            foreach (var channel in subscribers)
            {
                channel.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>Calls <paramref name="onChange"/> for every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<IndicatorChange, Task> onChange)
    {
        // A page far behind only needs the latest changes: the oldest are dropped, never the consumer blocked.
        var channel = Channel.CreateBounded<IndicatorChange>(
            new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (gate)
        {
            subscribers.Add(channel);
        }
        _ = Task.Run(async () =>
        {
            await foreach (var change in channel.Reader.ReadAllAsync())
            {
                try
                {
                    await onChange(change);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "A dashboard could not show the change of indicator {Number}", change.Number);
                }
            }
        });
        return new Subscription(this, channel);
    }

    private void Unsubscribe(Channel<IndicatorChange> channel)
    {
        lock (gate)
        {
            subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }

    private sealed class Subscription(IndicatorChanges owner, Channel<IndicatorChange> channel) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(channel);
    }
}
