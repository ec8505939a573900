using Npgsql;
using StrategyPlatform.AppHost.Hosting;
using Xunit.Abstractions;

namespace StrategyPlatform.AppHost.Tests;

public sealed class A_local_postgres(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string folder = TestFolder.Create("postgres");
    private readonly List<LocalPostgres> servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in servers) await server.DisposeAsync();
        TestFolder.Delete(folder);
    }

    [Fact]
    public async Task Keeps_its_databases_across_a_restart_on_the_same_port()
    {
        var postgres = Server();
        await postgres.StartAsync();
        await postgres.EnsureDatabaseAsync("surveysdb");
        await ExecuteAsync(postgres.ConnectionString("surveysdb"), "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        var port = postgres.Port;

        await postgres.StopAsync();
        await postgres.StartAsync();

        Assert.Equal(port, postgres.Port);
        Assert.Equal("still here", await ScalarAsync(postgres.ConnectionString("surveysdb"), "SELECT value FROM kept"));
    }

    [Fact]
    public async Task Leaves_no_process_behind_once_stopped()
    {
        var postgres = Server();
        await postgres.StartAsync();
        var postmaster = postgres.ProcessId!.Value;
        var processes = ProcessTree.Descendants(postmaster).Append(ProcessIdentity.Of(postmaster)!.Value).ToList();
        Assert.Contains("postgres", ProcessTree.CommandLine(postmaster));

        await postgres.StopAsync();

        Assert.Null(postgres.ProcessId);
        Assert.DoesNotContain(processes, process => process.IsAlive);
    }

    [Fact]
    public async Task Stops_a_server_left_running_by_a_killed_earlier_run()
    {
        var earlier = Server();
        await earlier.StartAsync();
        var leftover = ProcessIdentity.Of(earlier.ProcessId!.Value)!.Value;

        var next = Server();
        await next.StartAsync();

        Assert.False(leftover.IsAlive);
        Assert.Equal(1, await ScalarAsync(next.ConnectionString(), "SELECT 1"));
    }

    [Fact]
    public async Task Drops_a_database_that_still_has_connections()
    {
        var postgres = Server();
        await postgres.StartAsync();
        await postgres.EnsureDatabaseAsync("dropped");
        await using var open = new NpgsqlConnection(Unpooled(postgres.ConnectionString("dropped")));
        await open.OpenAsync();

        await postgres.DropDatabaseAsync("dropped");

        Assert.Equal(0L, await ScalarAsync(postgres.ConnectionString(), "SELECT count(*) FROM pg_database WHERE datname = 'dropped'"));
    }

    private LocalPostgres Server()
    {
        var server = new LocalPostgres(new LocalPostgresOptions(Path.Combine(folder, "postgres")) { Port = FreePort.Any() }, Log);
        servers.Add(server);
        return server;
    }

    private void Log(string line)
    {
        try { output.WriteLine(line); }
        catch (InvalidOperationException) { /* a line after the test ended */ }
    }

    // Unpooled: a pooled connection would outlive the server it was opened on.
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
