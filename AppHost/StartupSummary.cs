using System.Diagnostics;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StrategyPlatform.LocalServers;

namespace StrategyPlatform.AppHost;

/// <summary>
/// The one table a newcomer reads in the terminal once every resource is healthy: each resource's state
/// and URL, the dashboard with its sign-in link, the portal, and where the first Administrator's password
/// is (shown itself only on the run that generated it). Everything else is in the dashboard.
/// </summary>
internal sealed class StartupSummary(IResourceBuilder<ProjectResource> portal, IResourceBuilder<ParameterResource> adminPassword, SecretStore secrets)
{
    public const string AdminEmail = "admin@lm.gov.lv";
    private const string DashboardName = "aspire-dashboard";

    public async Task PrintWhenHealthyAsync(IServiceProvider services, CancellationToken ct)
    {
        var model = services.GetRequiredService<DistributedApplicationModel>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var shown = model.Resources.Where(r => r is not ParameterResource).ToList();
        // Latest snapshot per running instance: a resource with replicas has one per replica.
        var instances = new System.Collections.Concurrent.ConcurrentDictionary<string, ResourceEvent>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watcher = Task.Run(async () =>
        {
            await foreach (var e in notifications.WatchAsync(watching.Token))
            {
                instances[e.ResourceId] = e;
            }
        }, CancellationToken.None);
        try
        {
            // Hidden resources (Aspire's own helpers, such as each project's rebuilder) are not the user's to wait for.
            await Task.WhenAll(shown.Select(r => notifications.WaitForResourceAsync(r.Name,
                e => (e.Snapshot.IsHidden && r.Name != DashboardName) || e.Snapshot.HealthStatus == HealthStatus.Healthy, ct)));
        }
        catch (OperationCanceledException)
        {
            return; // stopped before everything was up
        }

        finally
        {
            await watching.CancelAsync();
            await watcher.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var rows = new List<string[]> { new[] { "Resource", "State", "URL" } };
        foreach (var resource in shown.Where(r => r.Name != DashboardName))
        {
            var replicas = instances.Values.Where(e => e.Resource == resource).Select(e => e.Snapshot).ToList();
            if (replicas.Count == 0 || replicas.All(r => r.IsHidden))
            {
                continue;
            }
            var state = replicas.FirstOrDefault()?.State?.Text ?? "?";
            var health = replicas.All(r => r.HealthStatus == HealthStatus.Healthy) ? "Healthy" : state;
            var link = replicas.SelectMany(r => r.Urls).FirstOrDefault(u => !u.IsInternal);
            var url = link is null ? "" : link.DisplayProperties.DisplayName is { Length: > 0 } name ? $"{link.Url} ({name})" : link.Url;
            rows.Add([resource.Name, replicas.Count > 1 ? $"{health} ×{replicas.Count}" : health, url]);
        }
        var dashboard = DashboardSignIn(configuration);
        if (dashboard is not null)
        {
            rows.Add(["dashboard", "Healthy", dashboard]);
        }

        var output = new List<string> { "", $"Every resource is healthy ({Uptime().TotalSeconds:0.0} s). Press Ctrl+C to stop.", "" };
        output.AddRange(Table(rows));
        output.Add("");
        var portalUrl = portal.Resource.GetEndpoint("http").Url;
        output.Add($"Portal: {portalUrl}");
        output.Add(await AdministratorLineAsync(configuration, ct));
        if (dashboard is not null)
        {
            output.Add($"Dashboard: {dashboard} (the sign-in link is new on every run)");
        }
        output.Add("");
        Console.Out.Write(string.Join(Environment.NewLine, output) + Environment.NewLine);
    }

    private async Task<string> AdministratorLineAsync(IConfiguration configuration, CancellationToken ct)
    {
        var name = adminPassword.Resource.Name;
        if (configuration[$"Parameters:{name}"] is { Length: > 0 })
        {
            return $"First Administrator: {AdminEmail}, password from Parameters__{name}.";
        }
        var password = await adminPassword.Resource.GetValueAsync(ct);
        return secrets.WasGeneratedNow(name)
            ? $"First Administrator: {AdminEmail} / {password} (generated now and shown this once; kept in {secrets.FilePath})"
            : $"First Administrator: {AdminEmail}, password kept in {secrets.FilePath} (\"{name}\").";
    }

    /// <summary>The dashboard's address with its one-run sign-in token, as Aspire logs it; null when the dashboard is off.</summary>
    private static string? DashboardSignIn(IConfiguration configuration)
    {
        var url = configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd('/');
        if (url is null || configuration["AppHost:ResourceService:AuthMode"] is null)
        {
            return null;
        }
        return configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"{url}/login?t={token}" : url;
    }

    private static IEnumerable<string> Table(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column]))) + " |";
        yield return Line(rows[0]);
        yield return "|" + string.Join("|", widths.Select(width => new string('-', width + 2))) + "|";
        foreach (var row in rows.Skip(1))
        {
            yield return Line(row);
        }
    }

    private static TimeSpan Uptime() => DateTime.Now - Process.GetCurrentProcess().StartTime;
}

internal static class StartupSummaryExtensions
{
    /// <summary>Prints the <see cref="StartupSummary"/> once every resource is healthy (it waits in the background, so nothing else does).</summary>
    public static void AddStartupSummary(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> portal, IResourceBuilder<ParameterResource> adminPassword)
    {
        var summary = new StartupSummary(portal, adminPassword, builder.GetSecretStore());
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, ct) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => summary.PrintWhenHealthyAsync(e.Services, stopping), CancellationToken.None);
            return Task.CompletedTask;
        });
    }
}
