namespace StrategyPlatform.AppHost.Hosting;

internal sealed class LocalRabbitMqRunner(RabbitMQServerResource resource, LocalRabbitMq broker) : ResourceRunner(resource)
{
    public override Task<int>? Exited => broker.Exited;
    public override string ConnectionString => broker.AmqpUri();
    public override ResourceStatus Status =>
        new("Running", broker.ProcessId, $"127.0.0.1:{broker.AmqpPort} (management {broker.ManagementUrl})");
    public override Task StopAsync() => broker.StopAsync();
    protected override Task StartCoreAsync(CancellationToken ct) => broker.StartAsync(ct);
}

/// <summary>The user's own broker (<c>ConnectionStrings__messaging</c>): checked, never started or stopped.</summary>
internal sealed class ExternalRabbitMqRunner(RabbitMQServerResource resource, string uri, Action<string> log) : ResourceRunner(resource)
{
    private readonly Uri parsed = new(uri);

    public override string ConnectionString => uri;
    public override ResourceStatus Status => new("External", null, $"{parsed.Host}:{Port}");
    private bool Tls => parsed.Scheme == "amqps";
    private int Port => parsed.IsDefaultPort || parsed.Port < 0 ? (Tls ? 5671 : 5672) : parsed.Port;

    protected override Task StartCoreAsync(CancellationToken ct)
    {
        log($"Using the RabbitMQ broker at {parsed.Host}:{Port} (ConnectionStrings__{Resource.Name}); no local broker is started.");
        return Retry.UntilAsync(
            token => Tls ? TcpPort.AcceptsAsync(Port, token, parsed.Host) : AmqpProbe.AnswersAsync(parsed.Host, Port, token),
            TimeSpan.FromSeconds(30), $"the RabbitMQ broker at {parsed.Host}:{Port}", ct);
    }
}
