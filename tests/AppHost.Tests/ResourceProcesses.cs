using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.AppHost.Tests;

internal static class ResourceProcesses
{
    /// <summary>
    /// The processes DCP runs for the application's executables and projects (their pids as the dashboard
    /// shows them) and everything under them: postgres' workers, the Erlang VM under the broker's script.
    /// </summary>
    public static async Task<IReadOnlyList<ProcessIdentity>> OfAsync(DistributedApplication app)
    {
        var pids = new HashSet<int>();
        using var replayed = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            // The notification service first replays the latest snapshot of every instance, then waits.
            await foreach (var e in app.ResourceNotifications.WatchAsync(replayed.Token))
            {
                if (e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid && int.TryParse(pid.ToString(), out var value))
                {
                    pids.Add(value);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return [.. pids.SelectMany(ProcessTree.OfAppHost).DistinctBy(p => p.Pid)];
    }
}
