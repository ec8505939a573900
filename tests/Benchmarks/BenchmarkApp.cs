using System.Runtime.InteropServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyPlatform.LocalServers;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// The platform as the AppHost declares it (<c>Projects.AppHost</c> under Aspire.Hosting.Testing: the local
/// PostgreSQL and RabbitMQ, the three services and the portal, each its own Release process run by DCP), plus
/// the hand-written baseline as two more processes on the same servers. Production environment, one replica,
/// telemetry exported to <see cref="NullCollector"/>; PostgreSQL also loads pg_stat_statements for the profile.
/// </summary>
internal sealed class BenchmarkApp : IAsyncDisposable
{
    public static readonly string[] Services = ["surveys", "mediaevents", "kpi", "web"];
    public static readonly string[] Baseline = ["baseline-api", "baseline-consumer"];
    private readonly string folder;
    private readonly NullCollector collector;
    private Task? stopping;

    private BenchmarkApp(DistributedApplication app, string folder, NullCollector collector, string signingKey, string adminPassword)
    {
        App = app;
        this.folder = folder;
        this.collector = collector;
        SigningKey = signingKey;
        AdminPassword = adminPassword;
    }

    public DistributedApplication App { get; }
    public string SigningKey { get; }
    public string AdminPassword { get; }
    public const string AdminEmail = "admin@lm.gov.lv";

    public static async Task<BenchmarkApp> StartAsync()
    {
        var collector = await NullCollector.StartAsync();
        var folder = TestFolders.Create("benchmark");
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var adminPassword = "Bench-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"--AppHost:DataDirectory={folder}",
            "--AppHost:Replicas=1",
            "--AppHost:Ports:web=0",
            "--AppHost:Environment=Production",
            $"--Parameters:jwt-signing-key={signingKey}",
            $"--Parameters:admin-password={adminPassword}",
            "--ConnectionStrings:postgres=",
            "--ConnectionStrings:messaging=",
            "--ConnectionStrings:mail=",
            // Stopping the model returns once every process DCP started is gone.
            "--DcpPublisher:WaitForResourceCleanup=true",
        ], (options, _) => options.DisableDashboard = true);
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(new TestLogProvider()));

        builder.CreateResourceBuilder<LocalPostgresResource>("postgres")
            .WithArgs("-c", "shared_preload_libraries=pg_stat_statements", "-c", "max_connections=300");
        foreach (var name in Services)
        {
            builder.CreateResourceBuilder<ProjectResource>(name)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Url)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        }
        // The public limits (per open survey and minute, per link, over all public answering per second, and the
        // portal's per-address sign-ins and public pages) guard against scripted stuffing from one place; the
        // benchmark is that script, from one loopback address, so it lifts them.
        builder.CreateResourceBuilder<ProjectResource>("surveys")
            .WithEnvironment("Surveys__OpenLink__PermitsPerMinute", "100000000")
            .WithEnvironment("Surveys__Links__PermitsPerMinute", "100000000")
            .WithEnvironment("Surveys__Public__PermitsPerSecond", "100000000");
        builder.CreateResourceBuilder<ProjectResource>("web")
            .WithEnvironment("Portal__RateLimits__SignInsPerMinute", "100000")
            .WithEnvironment("Portal__RateLimits__PublicPagesPerMinute", "100000000");

        var postgres = builder.CreateResourceBuilder<IPostgresServerResource>("postgres");
        var messaging = builder.CreateResourceBuilder<IRabbitMQServerResource>("messaging");
        var baselineDb = postgres.AddDatabase("baselinedb");
        foreach (var role in Baseline)
        {
            builder.AddProject<BaselineProject>(role)
                .WithHttpEndpoint(name: "http")
                .WithHttpHealthCheck("/health")
                .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
                .WithEnvironment("role", role == "baseline-consumer" ? "consumer" : "api")
                .WithReference(baselineDb).WaitFor(baselineDb)
                .WithReference(messaging).WaitFor(messaging);
        }

        var app = await builder.BuildAsync();
        try
        {
            await app.StartAsync().WaitAsync(TimeSpan.FromMinutes(6));
            foreach (var name in Services.Concat(Baseline))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name).WaitAsync(TimeSpan.FromMinutes(6));
            }
        }
        catch
        {
            await StopAllAsync(app, collector, folder);
            throw;
        }
        return new BenchmarkApp(app, folder, collector, signingKey, adminPassword);
    }

    public HttpClient Client(string resource, string[]? roles = null, string[]? units = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = App.GetEndpoint(resource, "http"),
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (roles is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", StaffTokens.Issue(SigningKey, "benchmark", roles, units ?? []));
        }
        return client;
    }

    public async Task<string> ConnectionStringAsync(string database) =>
        (await App.GetConnectionStringAsync(database))!;

    /// <summary>A signal asked the run to stop: what it measures from then on is no figure.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>Once, however often it is asked (the end of the run and a SIGTERM or Ctrl+C may both ask).</summary>
    public async ValueTask DisposeAsync()
    {
        Task stop;
        lock (collector)
        {
            stop = stopping ??= StopAllAsync(App, collector, folder);
        }
        await stop;
    }

    /// <summary>
    /// On SIGTERM, SIGINT or SIGQUIT: stops every process of the run before this one exits (by default .NET would
    /// exit at once, leaving DCP to clean up alone, and a detached epmd or a browser to whoever finds it).
    /// </summary>
    public IDisposable[] StopOnSignals() =>
        [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            Interrupted = true;
            Console.WriteLine($"{context.Signal}: stopping everything the benchmark started…");
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            Environment.Exit(128 + (context.Signal == PosixSignal.SIGINT ? 2 : context.Signal == PosixSignal.SIGQUIT ? 3 : 15));
        }))];

    /// <summary>Stops every process of the run (also when starting failed half way), then removes its data folder.</summary>
    private static async Task StopAllAsync(DistributedApplication app, NullCollector collector, string folder)
    {
        try
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        finally
        {
            await collector.DisposeAsync();
            await Leftovers.StopAsync(folder);
            TestFolders.Delete(folder);
        }
    }

    /// <summary>The baseline project, run like the platform's projects: <c>dotnet run --no-build</c> in the benchmark's configuration.</summary>
    private sealed class BaselineProject : IProjectMetadata
    {
        public string ProjectPath { get; } = Path.GetFullPath(Path.Combine(AppHostFolder, "..", "tests", "Benchmarks", "Baseline", "Baseline.csproj"));

        private static string AppHostFolder => Projects.AppHost.ProjectPath.EndsWith(".csproj", StringComparison.Ordinal)
            ? Path.GetDirectoryName(Projects.AppHost.ProjectPath)!
            : Projects.AppHost.ProjectPath;
        public bool SuppressBuild => true;
    }
}
