using Npgsql;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A PostgreSQL server of our own, run from the machine's server binaries on a folder of ours.</summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FastShutdownGrace = TimeSpan.FromSeconds(30);

    private readonly LocalPostgresOptions options;
    private readonly Action<string> log;
    private readonly string binDirectory;
    private readonly SemaphoreSlim gate = new(1, 1);
    private PostgresDataFolder? folder;
    private ChildProcess? server;
    private int? port;

    public LocalPostgres(LocalPostgresOptions options, Action<string> log)
    {
        this.options = options;
        this.log = log;
        binDirectory = PostgresInstallation.FindBinDirectory();
    }

    /// <summary>
    /// Chosen on first use, which StartAsync delays until a server left running by an earlier run
    /// has been stopped: 5432 is then free again for this folder's server.
    /// </summary>
    public int Port => port ??= options.Port == 0 ? FreePort.PreferredOrAny(5432) : options.Port;
    public int? ProcessId => server is { HasExited: false } running ? running.Id : null;
    /// <summary>Completes when the running server exits, for whoever watches over it.</summary>
    internal Task<int>? Exited => server?.Exited;

    public async Task StartAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (server is { HasExited: false }) return;
            folder ??= await PostgresDataFolder.PrepareAsync(options.DataDirectory, log, ct);
            await StaleProcess.StopAsync(folder.PostmasterPidFile, folder.Cluster, Libc.SIGINT, FastShutdownGrace, log);
            if (!folder.IsInitialized) await InitializeClusterAsync(folder, ct);

            server = ChildProcess.Start(Command("postgres", folder,
                "-D", folder.Cluster, "-p", Port.ToString(),
                "-c", "listen_addresses=127.0.0.1",
                // No Unix socket: it would need a short, shared folder, and clients use TCP.
                "-c", "unix_socket_directories="), log);
            try
            {
                await WaitUntilAcceptingAsync(server, ct);
            }
            catch
            {
                await StopServerAsync();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try { await StopServerAsync(); }
        finally { gate.Release(); }
    }

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = (folder ?? throw new InvalidOperationException("Start the server first: its password is made on first start.")).ReadPassword(),
        Database = database,
    }.ConnectionString;

    public Task EnsureDatabaseAsync(string database, CancellationToken ct = default) =>
        PostgresDatabases.EnsureAsync(AdminConnectionString(), database, ct);

    public Task DropDatabaseAsync(string database, CancellationToken ct = default) =>
        PostgresDatabases.DropAsync(AdminConnectionString(), database, ct);

    public async ValueTask DisposeAsync() => await StopAsync();

    // Unpooled: a pool would keep connections to a server that has since been stopped.
    private string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false, Timeout = 5 }.ConnectionString;

    private async Task InitializeClusterAsync(PostgresDataFolder data, CancellationToken ct)
    {
        if (Directory.Exists(data.Cluster))
        {
            log($"Removing {data.Cluster}: an earlier initdb did not finish.");
            Directory.Delete(data.Cluster, recursive: true);
        }
        log($"Creating a PostgreSQL cluster in {data.Cluster}.");
        await using var initdb = ChildProcess.Start(Command("initdb", data,
            "-D", data.Cluster, "-U", Superuser, "--pwfile", data.PasswordFile,
            "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C.UTF-8", "--no-instructions"), log);
        int exitCode;
        try
        {
            exitCode = await initdb.Exited.WaitAsync(ct);
        }
        finally
        {
            await initdb.StopAsync(Libc.SIGKILL, TimeSpan.Zero);
        }
        if (exitCode != 0)
            throw new InvalidOperationException($"initdb failed with exit code {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, initdb.LastLines)}");
    }

    private ChildProcessSpec Command(string program, PostgresDataFolder data, params string[] arguments) =>
        new(Path.Combine(binDirectory, program), arguments)
        {
            UserName = data.Account?.Name,
            WorkingDirectory = data.Root,
            Environment = new Dictionary<string, string?> { ["PGDATA"] = null, ["PGPORT"] = null },
        };

    private async Task WaitUntilAcceptingAsync(ChildProcess process, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"PostgreSQL exited with code {process.Exited.Result} while starting:{Environment.NewLine}{string.Join(Environment.NewLine, process.LastLines)}");
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString());
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException e) when (!ct.IsCancellationRequested)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"PostgreSQL did not accept connections on port {Port} within {StartTimeout.TotalSeconds:0} s: {e.Message}", e);
            }
            await Task.Delay(200, ct);
        }
    }

    private async Task StopServerAsync()
    {
        if (server is null) return;
        // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is flushed.
        if (!await server.StopAsync(Libc.SIGINT, FastShutdownGrace))
            log($"PostgreSQL did not stop within {FastShutdownGrace.TotalSeconds:0} s of SIGINT and was killed.");
        await server.DisposeAsync();
        server = null;
    }
}
