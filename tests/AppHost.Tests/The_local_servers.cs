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
    public async Task Give_each_database_a_role_of_its_own_that_owns_it_but_only_adds_to_its_audit_trail_and_reaches_no_other_with_passwords_required_everywhere()
    {
        await using var servers = await LocalServersApp.StartAsync(Folder(), rabbitMq: false, declare: (_, postgres) =>
        {
            postgres!.AddDatabase("surveysdb");
            postgres!.AddDatabase("mediadb");
        });
        var model = servers.App.Services.GetRequiredService<DistributedApplicationModel>();
        var surveys = await ConnectionStringOfAsync(model, "surveysdb");
        var media = await ConnectionStringOfAsync(model, "mediadb");
        var superuser = new NpgsqlConnectionStringBuilder(servers.Postgres!.ConnectionString());

        // What the service is given names its own role and nothing of the superuser.
        var asSurveys = new NpgsqlConnectionStringBuilder(surveys);
        Assert.Equal("surveysdb", asSurveys.Username);
        Assert.NotEqual(superuser.Password, asSurveys.Password);
        Assert.DoesNotContain(superuser.Password!, surveys, StringComparison.Ordinal);
        Assert.Equal(false, await ScalarAsync(surveys, "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal("surveysdb", await ScalarAsync(surveys, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        await ExecuteAsync(surveys, "CREATE TABLE answers (value int); INSERT INTO answers VALUES (1)");

        // Nor the server's own databases, from which it could drop its own (and its audit trail with it).
        foreach (var other in new[] { "mediadb", "postgres", "template1" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(new NpgsqlConnectionStringBuilder(surveys) { Database = other }.ConnectionString, "SELECT 1"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        var wrongPassword = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(new NpgsqlConnectionStringBuilder(media) { Password = "not-the-password" }.ConnectionString, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, wrongPassword.SqlState);
        Assert.Equal(0L, await ScalarAsync(servers.Postgres.ConnectionString(), "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"));

        // The audit trail is there before any service runs, and the role may only add to it and read it.
        await AppendOnlyAuditTrail.AssertAsync(media);

        // A table an earlier run made as the superuser is handed to the owner when the database is ensured again;
        // an audit trail that an earlier run's role owned (its schema too) is taken from it.
        await ExecuteAsync(servers.Postgres.ConnectionString("surveysdb"), """
            CREATE TABLE legacy (id bigint GENERATED ALWAYS AS IDENTITY, value int);
            ALTER TABLE audit_trail OWNER TO surveysdb; ALTER FUNCTION audit_trail_is_append_only() OWNER TO surveysdb;
            ALTER SCHEMA public OWNER TO pg_database_owner
            """);
        await PostgresDatabases.EnsureAsync(servers.Postgres.ConnectionString(), "surveysdb", new DatabaseRole("surveysdb", asSurveys.Password!));
        await ExecuteAsync(surveys, "INSERT INTO legacy (value) VALUES (1); ALTER TABLE legacy ADD COLUMN note text");
        await AppendOnlyAuditTrail.AssertAsync(surveys);
    }

    private static async Task<string> ConnectionStringOfAsync(DistributedApplicationModel model, string database) =>
        (await model.Resources.OfType<PostgresDatabaseResource>().Single(d => d.Name == database).ConnectionStringExpression.GetValueAsync(default))!;

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
