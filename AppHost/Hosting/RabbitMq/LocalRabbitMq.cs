namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// A RabbitMQ broker of our own, with its own epmd (Erlang's port mapper) on a private port, so that
/// nothing is left running as a daemon once it stops.
/// </summary>
public sealed class LocalRabbitMq : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(15);

    private readonly LocalRabbitMqOptions options;
    private readonly Action<string> log;
    private readonly RabbitMqInstallation installation;
    private readonly SemaphoreSlim gate = new(1, 1);
    private RabbitMqDataFolder? folder;
    private ChildProcess? epmd;
    private ChildProcess? server;
    private int? amqpPort, managementPort, epmdPort, distributionPort;

    public LocalRabbitMq(LocalRabbitMqOptions options, Action<string> log)
    {
        this.options = options;
        this.log = log;
        installation = RabbitMqInstallation.Find();
    }

    // Chosen on first use, which StartAsync delays until a broker left running by an earlier run
    // has been stopped: the default ports are then free again for this folder's broker.
    public int AmqpPort => amqpPort ??= options.AmqpPort == 0 ? FreePort.PreferredOrAny(5672) : options.AmqpPort;
    public int ManagementPort => managementPort ??= options.ManagementPort == 0 ? FreePort.PreferredOrAny(15672) : options.ManagementPort;
    private int EpmdPort => epmdPort ??= FreePort.Any();
    private int DistributionPort => distributionPort ??= FreePort.Any();
    public Uri ManagementUrl => new($"http://127.0.0.1:{ManagementPort}/");

    /// <summary>The server script, the Erlang VM and its helpers under it, and epmd.</summary>
    public IReadOnlyList<int> ProcessIds =>
        new[] { server, epmd }.OfType<ChildProcess>().Where(p => !p.HasExited)
            .SelectMany(p => ProcessTree.Descendants(p.Id).Select(d => d.Pid).Prepend(p.Id)).ToList();

    internal int? ProcessId => server is { HasExited: false } running ? running.Id : null;
    internal Task<int>? Exited => server?.Exited;

    public string AmqpUri(string virtualHost = "/")
    {
        var data = folder ?? throw new InvalidOperationException("Start the broker first: its password is made on first start.");
        return $"amqp://{Uri.EscapeDataString(RabbitMqDataFolder.UserName)}:{Uri.EscapeDataString(data.Password)}@127.0.0.1:{AmqpPort}/{Uri.EscapeDataString(virtualHost)}";
    }

    public async Task StartAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (server is { HasExited: false }) return;
            await StopStaleAsync(options.DataDirectory);
            folder ??= RabbitMqDataFolder.Prepare(options.DataDirectory, AmqpPort, ManagementPort, log);
            try
            {
                await StartEpmdAsync(folder, ct);
                server = ChildProcess.Start(new ChildProcessSpec(installation.ServerScript, [])
                {
                    WorkingDirectory = folder.Root,
                    Environment = ServerEnvironment(folder),
                }, log);
                StaleProcess.Write(folder.ServerPidFile, server.Id);
                await WaitUntilReadyAsync(folder, server, ct);
            }
            catch
            {
                await StopProcessesAsync();
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
        try { await StopProcessesAsync(); }
        finally { gate.Release(); }
    }

    public async Task CreateVirtualHostAsync(string name, CancellationToken ct = default)
    {
        using var management = Management();
        await management.CreateVirtualHostAsync(name, ct);
    }

    public async Task DeleteVirtualHostAsync(string name, CancellationToken ct = default)
    {
        using var management = Management();
        await management.DeleteVirtualHostAsync(name, ct);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private RabbitMqManagement Management() =>
        new(ManagementUrl, RabbitMqDataFolder.UserName, (folder ?? throw new InvalidOperationException("Start the broker first.")).Password);

    private Dictionary<string, string?> ServerEnvironment(RabbitMqDataFolder data) => new()
    {
        ["HOME"] = data.Home,
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(),
        ["RABBITMQ_NODENAME"] = data.NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(),
        ["RABBITMQ_CONF_ENV_FILE"] = data.EnvironmentFile,
        ["RABBITMQ_CONFIG_FILE"] = data.ConfigFile,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = data.EnabledPluginsFile,
        ["RABBITMQ_MNESIA_BASE"] = data.Mnesia,
        ["RABBITMQ_LOG_BASE"] = data.Logs,
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_PID_FILE"] = data.ErlangPidFile,
        // Ours answers already; without this the node would also spawn "epmd -daemon", which finds
        // the port taken and exits, but only after detaching from us.
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false",
    };

    /// <summary>
    /// Our epmd must answer before the broker starts: an Erlang node that finds no epmd on its
    /// port starts one as a daemon, which would outlive us.
    /// </summary>
    private async Task StartEpmdAsync(RabbitMqDataFolder data, CancellationToken ct)
    {
        epmd = ChildProcess.Start(new ChildProcessSpec(installation.Epmd, ["-port", EpmdPort.ToString(), "-address", "127.0.0.1"])
        {
            WorkingDirectory = data.Root,
        }, log);
        StaleProcess.Write(data.EpmdPidFile, epmd.Id);
        for (var waited = 0; !await EpmdProbe.AnswersAsync(EpmdPort, ct); waited += 100)
        {
            if (epmd.HasExited || waited > 10_000)
                throw new InvalidOperationException($"epmd did not start on port {EpmdPort}: {string.Join(' ', epmd.LastLines)}");
            await Task.Delay(100, ct);
        }
    }

    private async Task WaitUntilReadyAsync(RabbitMqDataFolder data, ChildProcess process, CancellationToken ct)
    {
        using var management = new RabbitMqManagement(ManagementUrl, RabbitMqDataFolder.UserName, data.Password);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!(await AmqpProbe.AnswersAsync("127.0.0.1", AmqpPort, ct) && await management.AnswersAsync(ct)))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"RabbitMQ exited with code {process.Exited.Result} while starting:{Environment.NewLine}{string.Join(Environment.NewLine, process.LastLines)}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"RabbitMQ did not answer on ports {AmqpPort} and {ManagementPort} within {StartTimeout.TotalSeconds:0} s.");
            await Task.Delay(250, ct);
        }
    }

    private async Task StopStaleAsync(string directory)
    {
        var data = RabbitMqDataFolder.At(directory);
        // The Erlang VM first: SIGTERM makes it stop the broker cleanly.
        await StaleProcess.StopAsync(data.ErlangPidFile, data.Home, Libc.SIGTERM, GracefulStop, log);
        await StaleProcess.StopAsync(data.ServerPidFile, installation.ServerScript, Libc.SIGTERM, GracefulStop, log);
        await StaleProcess.StopAsync(data.EpmdPidFile, "epmd", Libc.SIGKILL, TimeSpan.Zero, log);
    }

    private async Task StopProcessesAsync()
    {
        // The script traps SIGTERM and stops the broker gracefully, then exits.
        if (server is not null)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            log(await server.StopAsync(Libc.SIGTERM, GracefulStop)
                ? $"RabbitMQ stopped ({clock.Elapsed.TotalSeconds:0.0} s)."
                : $"RabbitMQ did not stop within {GracefulStop.TotalSeconds:0} s of SIGTERM and was killed.");
            await server.DisposeAsync();
            server = null;
        }
        if (epmd is not null)
        {
            await epmd.StopAsync(Libc.SIGTERM, TimeSpan.FromSeconds(2));
            await epmd.DisposeAsync();
            epmd = null;
        }
    }
}
