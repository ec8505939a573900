namespace StrategyPlatform.AppHost.Hosting;

/// <param name="DataDirectory">The broker's folder: configuration, credentials, database (mnesia) and logs.</param>
public sealed record LocalRabbitMqOptions(string DataDirectory)
{
    /// <summary>0 = 5672 if free, else any free loopback port.</summary>
    public int AmqpPort { get; init; }
    /// <summary>0 = 15672 if free, else any free loopback port.</summary>
    public int ManagementPort { get; init; }
}
