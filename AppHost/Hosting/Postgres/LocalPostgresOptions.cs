namespace StrategyPlatform.AppHost.Hosting;

/// <param name="DataDirectory">The server's folder: the cluster and its superuser password live in it.</param>
public sealed record LocalPostgresOptions(string DataDirectory)
{
    /// <summary>0 = 5432 if free, else any free loopback port.</summary>
    public int Port { get; init; }
}
