using MassTransit;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The queues this service consumes from, as MassTransit configures them. Each is declared as a durable
/// <b>quorum</b> queue (its <c>_error</c> queue inherits the type): replicated on a cluster, kept on disk
/// and confirmed only once written, so a broker crash loses neither a queue nor a message in it.
/// </summary>
public sealed class ReceiveEndpoints
{
    private readonly HashSet<string> names = [];

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (names)
            {
                return [.. names.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Where MassTransit puts the messages of <paramref name="queue"/> that failed every retry.</summary>
    public static string ErrorQueueOf(string queue) => $"{queue}_error";

    internal void Configure(string queue, IReceiveEndpointConfigurator endpoint)
    {
        lock (names)
        {
            names.Add(queue);
        }
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }
    }
}
