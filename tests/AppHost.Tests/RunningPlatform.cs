using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>
/// The real application model (<c>Projects.AppHost</c>) under Aspire.Hosting.Testing, once for the whole
/// collection: two replicas of each service, the dashboard on (its telemetry API is how the tests read the
/// traces, as a person reads them on its Traces page), on ports of its own and a data folder of its own.
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    public const int Replicas = 2;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);
    private readonly string folder = TestFolders.Create("platform");

    public DistributedApplication App { get; private set; } = null!;
    public string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    public TimeSpan StartedIn { get; private set; }
    public IReadOnlyList<string> UserResources { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"--AppHost:DataDirectory={folder}",
            $"--AppHost:Replicas={Replicas}",
            "--AppHost:Replicas:web=1",
            "--AppHost:Ports:web=0",
            $"--Parameters:jwt-signing-key={SigningKey}",
            $"--ASPNETCORE_URLS=http://localhost:{FreePorts.Next()}",
            $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{FreePorts.Next()}",
            "--ConnectionStrings:postgres=",
            "--ConnectionStrings:messaging=",
            "--ConnectionStrings:mail=",
        ], (options, _) => options.DisableDashboard = false);
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(new TestLogProvider()));
        App = await builder.BuildAsync();
        await App.StartAsync().WaitAsync(StartTimeout);
        var shown = new List<string>();
        foreach (var resource in builder.Resources.Where(r => r is not ParameterResource))
        {
            // Hidden resources are Aspire's own helpers (the dashboard, each project's rebuilder), not the platform's.
            var state = await App.ResourceNotifications.WaitForResourceAsync(resource.Name,
                e => e.Snapshot.IsHidden || e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).WaitAsync(StartTimeout);
            if (!state.Snapshot.IsHidden)
            {
                shown.Add(resource.Name);
            }
        }
        UserResources = shown;
        StartedIn = clock.Elapsed;
        TestLog.Write($"The platform was healthy {StartedIn.TotalSeconds:0.0} s after the test asked for it.");
    }

    /// <summary>A plain client of a service's endpoint (DCP's proxy, which spreads requests over the replicas), without retries: a retried POST would be a second answer.</summary>
    public HttpClient Client(string resource, string[]? roles = null)
    {
        var client = new HttpClient { BaseAddress = App.GetEndpoint(resource, "http"), Timeout = TimeSpan.FromSeconds(30) };
        if (roles is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", StaffTokens.Issue(SigningKey, "e2e-test", roles, []));
        }
        return client;
    }

    /// <summary>The dashboard's telemetry API (<c>/api/telemetry/…</c>), with the API key the AppHost gave the dashboard.</summary>
    public async Task<JsonElement> TelemetryAsync(string path)
    {
        using var dashboard = new HttpClient { BaseAddress = App.GetEndpoint("aspire-dashboard", "http"), Timeout = TimeSpan.FromSeconds(30) };
        // The AppHost generates the key on every run and hands it to the dashboard; it keeps it in its configuration.
        dashboard.DefaultRequestHeaders.Add("x-api-key", App.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"]);
        using var response = await dashboard.GetAsync($"api/telemetry/{path}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await App.StopAsync();
            await App.DisposeAsync();
            TestLog.Write($"The platform stopped in {clock.Elapsed.TotalSeconds:0.0} s.");
        }
        TestFolders.Delete(folder);
    }
}

[CollectionDefinition(Name)]
public sealed class RunningPlatformCollection : ICollectionFixture<RunningPlatform>
{
    public const string Name = "The running platform";
}
