namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A database on a PostgreSQL server: healthy once the server is and the database exists.</summary>
internal sealed class DatabaseRunner(PostgresDatabaseResource resource, PostgresRunner server) : ResourceRunner(resource)
{
    public override string ConnectionString => server.ConnectionStringFor(resource.DatabaseName);

    public override ResourceStatus Status
    {
        get
        {
            var serverStatus = server.Status;
            return new ResourceStatus(serverStatus.State, null, $"{serverStatus.Url}/{resource.DatabaseName}");
        }
    }

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        await server.Ready.WaitAsync(ct);
        await server.EnsureDatabaseAsync(resource.DatabaseName, ct);
    }
}
