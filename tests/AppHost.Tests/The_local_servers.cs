using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.LocalServers;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>AddLocalPostgres and AddLocalRabbitMQ, in an application of their own (the test servers' code path).</summary>
public sealed class The_local_servers : IDisposable
{
    private readonly List<string> folders = [];

    [Fact]
    public async Task Create_the_declared_database_keep_it_across_a_restart_and_leave_no_process_once_stopped()
    {
        var folder = Folder();
        var servers = await LocalServersApp.StartAsync(folder, declare: (_, postgres) => postgres!.AddDatabase("surveysdb"));
        IReadOnlyList<ProcessIdentity> processes;
        try
        {
            var database = servers.Postgres!.ConnectionString("surveysdb");
            await ExecuteAsync(database, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
            processes = await ResourceProcesses.OfAsync(servers.App);
            Assert.Contains(processes, p => p.CommandLine.Contains("postgres -D"));
            Assert.Contains(processes, p => p.CommandLine.Contains("beam.smp"));
            Assert.Contains(processes, p => p.CommandLine.Contains("epmd -port") && p.CommandLine.Contains("-address 127.0.0.1"));

            var postgres = servers.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LocalPostgresResource>().Single();
            var postmaster = processes.Single(p => p.CommandLine.Contains("postgres -D"));

            await servers.App.ResourceCommands.ExecuteCommandAsync(postgres, KnownResourceCommands.RestartCommand);

            // The same connection string (DCP keeps the port) reaches the new server, which has kept the data.
            var kept = await Eventually.ReturnsAsync(() => ValueOrNullAsync(database, "SELECT value FROM kept"), value => value is not null,
                TimeSpan.FromSeconds(60), because: "the restarted server did not answer");
            Assert.Equal("still here", kept);
            Assert.False(postmaster.IsAlive);
        }
        finally
        {
            await servers.DisposeAsync();
        }

        Assert.DoesNotContain(processes, p => p.IsAlive);
        Assert.Empty(ProcessTree.UsingFolder(folder));
    }

    [Fact]
    public async Task Use_the_users_own_servers_when_their_connection_strings_are_set_and_start_none()
    {
        await using var theirs = await LocalServersApp.StartAsync(Folder());
        await using var ours = await LocalServersApp.StartAsync(Folder(), settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = theirs.Postgres!.ConnectionString(),
            ["ConnectionStrings:messaging"] = theirs.RabbitMq!.AmqpUri(),
        }, declare: (_, postgres) => postgres!.AddDatabase("reportsdb"));

        var model = ours.App.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.Empty(model.Resources.OfType<ExecutableResource>());
        Assert.Single(model.Resources.OfType<ExistingPostgresResource>());
        Assert.Single(model.Resources.OfType<ExistingRabbitMQResource>());
        Assert.Equal(1L, await ScalarAsync(theirs.Postgres.ConnectionString(), "SELECT count(*) FROM pg_database WHERE datname = 'reportsdb'"));
    }

    [Fact]
    public void Refuse_in_one_clear_line_a_server_created_with_another_password()
    {
        var folder = Folder();
        var fingerprint = Path.Combine(folder, "superuser.sha256");
        PasswordFingerprint.Write(fingerprint, "the-first-password");

        PasswordFingerprint.Check(fingerprint, "the-first-password", "PostgreSQL", "postgres-password", folder);
        var error = Assert.Throws<InvalidOperationException>(() =>
            PasswordFingerprint.Check(fingerprint, "another-password", "PostgreSQL", "postgres-password", folder));

        Assert.Contains("Parameters:postgres-password", error.Message);
        Assert.Contains($"delete {folder}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose()
    {
        foreach (var folder in folders)
        {
            TestFolders.Delete(folder);
        }
    }

    private string Folder()
    {
        var folder = TestFolders.Create("local-servers");
        folders.Add(folder);
        return folder;
    }

    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ValueOrNullAsync(string connectionString, string sql)
    {
        try
        {
            return await ScalarAsync(connectionString, sql);
        }
        catch (NpgsqlException)
        {
            return null; // stopping, or starting up again
        }
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
