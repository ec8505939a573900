using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// The real application model (<c>Projects.AppHost</c>: PostgreSQL, RabbitMQ, the three services and the
/// portal as real processes under DCP) on a data folder and ports of its own, with what a fault scenario
/// needs: each resource instance's process ids as DCP reports them, and the resource commands the dashboard
/// has (start, stop) to bring a killed process back.
/// </summary>
public sealed class FaultPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);
    private readonly string folder = TestFolders.Create("faults");
    private readonly ConcurrentDictionary<string, ResourceEvent> instances = new();
    private readonly CancellationTokenSource watching = new();
    private Task watcher = Task.CompletedTask;

    private FaultPlatform(int replicas) => Replicas = replicas;

    public int Replicas { get; }
    public DistributedApplication App { get; private set; } = null!;
    public string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    public TimeSpan StartedIn { get; private set; }

    /// <summary>Starts the model with <paramref name="replicas"/> of each service (the portal stays at one) and waits until every resource is healthy.</summary>
    public static async Task<FaultPlatform> StartAsync(int replicas)
    {
        var platform = new FaultPlatform(replicas);
        try
        {
            await platform.StartCoreAsync();
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync()
    {
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"--AppHost:DataDirectory={folder}",
            $"--AppHost:Replicas={Replicas}",
            "--AppHost:Replicas:web=1",
            "--AppHost:Ports:web=0",
            $"--Parameters:jwt-signing-key={SigningKey}",
            "--ConnectionStrings:postgres=",
            "--ConnectionStrings:messaging=",
            "--ConnectionStrings:mail=",
            // Stopping the model returns once every process is gone.
            "--DcpPublisher:WaitForResourceCleanup=true",
        ], (options, _) => options.DisableDashboard = true);
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(new TestLogProvider()));
        // No dashboard, so no collector: pointed at one anyway, with Aspire's in-memory OTLP retry
        // (OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY), a stopping service lingered ~15 s retrying its last export (measured).
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(e => e.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
        }
        App = await builder.BuildAsync();
        watcher = Task.Run(WatchAsync);
        await App.StartAsync().WaitAsync(StartTimeout);
        foreach (var resource in Resources.All)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource).WaitAsync(StartTimeout);
        }
        StartedIn = clock.Elapsed;
        FaultLog.Write($"The platform ({Replicas} replica(s) per service) was healthy after {StartedIn.TotalSeconds:0.0} s.");
    }

    /// <summary>Keeps the latest snapshot of every instance (one per replica), as the dashboard does.</summary>
    private async Task WatchAsync()
    {
        try
        {
            await foreach (var e in App.ResourceNotifications.WatchAsync(watching.Token))
            {
                instances[e.ResourceId] = e;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The instance ids (DCP's names, one per replica) of <paramref name="resource"/>, in a stable order.</summary>
    public IReadOnlyList<string> InstancesOf(string resource) =>
        [.. instances.Values.Where(e => e.Resource.Name == resource && !e.Snapshot.IsHidden).Select(e => e.ResourceId).Order(StringComparer.Ordinal)];

    /// <summary>The process DCP started for an instance (<c>executable.pid</c>); null while it is not running.</summary>
    public int? LauncherPid(string instance) =>
        instances.TryGetValue(instance, out var e)
        && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), out var pid) && pid > 0 && e.Snapshot.State?.Text == KnownResourceStates.Running
            ? pid : null;

    public string? StateOf(string instance) => instances.TryGetValue(instance, out var e) ? e.Snapshot.State?.Text : null;

    public HealthStatus? HealthOf(string instance) => instances.TryGetValue(instance, out var e) ? e.Snapshot.HealthStatus : null;

    /// <summary>What the resource's health checks last said (the dashboard's health column), e.g. a Degraded service's reason.</summary>
    public IReadOnlyList<(string Name, HealthStatus? Status, string? Description)> HealthReportsOf(string instance) =>
        instances.TryGetValue(instance, out var e) ? [.. e.Snapshot.HealthReports.Select(r => (r.Name, r.Status, r.Description))] : [];

    /// <summary>
    /// The real process of an instance: for a .NET service the service itself (DCP starts <c>dotnet run</c>, whose
    /// child it is), for RabbitMQ the Erlang VM under its start script, for PostgreSQL the postmaster.
    /// </summary>
    public ProcessIdentity ProcessOf(string instance) => FindProcess(instance)
        ?? throw new InvalidOperationException($"No process of {instance} under {LauncherPid(instance)}: {string.Join("; ", ProcessTree.OfAppHost(LauncherPid(instance) ?? 0))}");

    private ProcessIdentity? FindProcess(string instance)
    {
        var launcher = LauncherPid(instance) ?? throw new InvalidOperationException($"{instance} is not running ({StateOf(instance)}).");
        var tree = ProcessTree.OfAppHost(launcher);
        var name = instances[instance].Resource.Name;
        var real = name switch
        {
            Resources.Postgres => tree.FirstOrDefault(p => p.Pid == launcher),
            Resources.Messaging => tree.FirstOrDefault(p => p.CommandLine.Contains("beam.smp", StringComparison.Ordinal)),
            _ => tree.FirstOrDefault(p => p.Pid != launcher && p.CommandLine.Contains(Resources.AssemblyOf(name), StringComparison.Ordinal)),
        };
        return real.Pid > 0 ? real : null;
    }

    /// <summary>Sends <paramref name="signal"/> to the instance's real process and, for a kill, waits until DCP sees it gone.</summary>
    public async Task<ProcessIdentity> SignalAsync(string instance, int signal)
    {
        var process = ProcessOf(instance);
        Signals.Send(process.Pid, signal);
        FaultLog.Write($"Sent signal {signal} to {instance} (pid {process.Pid}).");
        if (signal == Signals.SIGKILL)
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(StateOf(instance)), state => state != KnownResourceStates.Running,
                TimeSpan.FromSeconds(60), because: $"DCP did not see {instance} die");
        }
        return process;
    }

    /// <summary>Starts a stopped or crashed instance again, as the dashboard's Start does, and waits until it is healthy.</summary>
    public async Task StartAsync(string instance)
    {
        await Eventually.ReturnsAsync(() => Task.FromResult(StateOf(instance)), state => state is not null && KnownResourceStates.TerminalStates.Contains(state),
            TimeSpan.FromSeconds(60), because: $"{instance} did not stop");
        var result = await App.ResourceCommands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Starting {instance} failed: {result.Message}");
        }
        await WaitReadyAsync(instance);
        FaultLog.Write($"{instance} is running again (pid {ProcessOf(instance).Pid}).");
    }

    /// <summary>
    /// Stops an instance gracefully: SIGTERM to its process, as the dashboard's Stop sends, then waits until DCP
    /// sees it exit. Sent directly because DCP refused its Stop command (for 40 s and more) on an instance that
    /// had been killed and started again a few times; a start afterwards works as after a crash.
    /// </summary>
    public async Task StopAsync(string instance)
    {
        await WaitReadyAsync(instance);
        var process = await SignalAsync(instance, Signals.SIGTERM);
        await Eventually.ReturnsAsync(() => Task.FromResult(StateOf(instance)), state => state is not null && KnownResourceStates.TerminalStates.Contains(state),
            TimeSpan.FromSeconds(90), because: $"{instance} (pid {process.Pid}) did not stop after SIGTERM");
    }

    /// <summary>Ready: Healthy, or Degraded (a service that works, with a backlog or a failed message to show).</summary>
    /// <remarks>Running too: just after a start the snapshot can still carry the health of the process before it.</remarks>
    public Task WaitReadyAsync(string instance, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => Task.FromResult((State: StateOf(instance), Health: HealthOf(instance), Process: LauncherPid(instance) is null ? null : FindProcess(instance))),
            ready => ready.State == KnownResourceStates.Running && ready.Health is (HealthStatus.Healthy or HealthStatus.Degraded) && ready.Process is not null,
            timeout ?? TimeSpan.FromMinutes(3), because: $"{instance} did not become ready ({string.Join("; ", HealthReportsOf(instance))})");

    /// <summary>A client of a service's endpoint (DCP's proxy spreads requests over the replicas), without retries of its own.</summary>
    /// <param name="units">The caller's units (the communications unit's, KN, unless told): an indicator's value is entered by its responsible unit.</param>
    public HttpClient Client(string resource, string[]? roles = null, TimeSpan? timeout = null, string[]? units = null)
    {
        var client = new HttpClient { BaseAddress = App.GetEndpoint(resource, "http"), Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        if (roles is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", StaffTokens.Issue(SigningKey, "fault-suite", roles, units ?? ["KN"]));
        }
        return client;
    }

    /// <summary>A client of one replica's own port, past DCP's proxy (for its <c>/health</c>).</summary>
    public HttpClient ReplicaClient(string instance)
    {
        var url = instances[instance].Snapshot.Urls.FirstOrDefault(u => u.IsInternal && u.Name == "http")?.Url
            ?? instances[instance].Snapshot.Urls.First(u => u.Name == "http").Url;
        return new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task<string> ConnectionStringAsync(string database) =>
        await App.GetConnectionStringAsync(database) ?? throw new InvalidOperationException($"No connection string for {database}.");

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            var clock = Stopwatch.StartNew();
            await App.StopAsync();
            await watching.CancelAsync();
            await watcher;
            await App.DisposeAsync();
            FaultLog.Write($"The platform stopped in {clock.Elapsed.TotalSeconds:0.0} s.");
        }
        TestFolders.Delete(folder);
    }
}
