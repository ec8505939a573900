using Npgsql;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A PostgreSQL server, local or the user's: what its databases need of it.</summary>
internal abstract class PostgresRunner(PostgresServerResource resource) : ResourceRunner(resource)
{
    public override string ConnectionString => ConnectionStringFor(null);
    public abstract string ConnectionStringFor(string? database);
    public abstract Task EnsureDatabaseAsync(string database, CancellationToken ct);
}

internal sealed class LocalPostgresRunner(PostgresServerResource resource, LocalPostgres server) : PostgresRunner(resource)
{
    public override Task<int>? Exited => server.Exited;
    public override ResourceStatus Status => new("Running", server.ProcessId, $"127.0.0.1:{server.Port}");
    public override string ConnectionStringFor(string? database) => server.ConnectionString(database ?? "postgres");
    public override Task EnsureDatabaseAsync(string database, CancellationToken ct) => server.EnsureDatabaseAsync(database, ct);
    public override Task StopAsync() => server.StopAsync();
    protected override Task StartCoreAsync(CancellationToken ct) => server.StartAsync(ct);
}

/// <summary>The user's own server (<c>ConnectionStrings__postgres</c>): checked, never started or stopped.</summary>
internal sealed class ExternalPostgresRunner(PostgresServerResource resource, string connectionString, Action<string> log) : PostgresRunner(resource)
{
    private const string InsufficientPrivilege = "42501";
    private readonly NpgsqlConnectionStringBuilder parsed = new(connectionString);

    public override ResourceStatus Status => new("External", null, $"{parsed.Host}:{parsed.Port}");

    public override string ConnectionStringFor(string? database) =>
        database is null ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    public override async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        try
        {
            await PostgresDatabases.EnsureAsync(Unpooled(connectionString), database, ct);
        }
        catch (PostgresException e) when (e.SqlState == InsufficientPrivilege)
        {
            log($"Not allowed to create database {database} ({e.MessageText}); assuming it exists.");
        }
    }

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        log($"Using the PostgreSQL server at {parsed.Host}:{parsed.Port} (ConnectionStrings__{Resource.Name}); no local server is started.");
        await Retry.UntilAsync(async token =>
        {
            await using var connection = new NpgsqlConnection(Unpooled(connectionString));
            await connection.OpenAsync(token);
            return true;
        }, TimeSpan.FromSeconds(30), $"the PostgreSQL server at {parsed.Host}:{parsed.Port}", ct);
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
