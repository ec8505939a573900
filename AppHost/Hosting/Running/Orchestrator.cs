using System.Diagnostics;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Starts each resource once everything it waits for is healthy, prints the ready table, watches for
/// crashes, and on a signal or a failure stops everything in reverse order of declaration.
/// </summary>
internal sealed class Orchestrator(IReadOnlyList<ResourceRunner> runners, ConsoleOutput output)
{
    private static readonly TimeSpan StartAbandonGrace = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource<string> failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<IResource, ResourceRunner> byResource = runners.ToDictionary(runner => runner.Resource);
    private volatile bool stopping;

    public async Task<int> RunAsync(IEnumerable<Resource> resources, CancellationToken shutdown)
    {
        var clock = Stopwatch.StartNew();
        foreach (var runner in runners.Reverse()) await runner.StopLeftoverAsync();
        using var starting = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        var startAll = Task.WhenAll(runners.Select(runner => StartWhenDependenciesAreHealthyAsync(runner, starting.Token)));
        var shutdownRequested = Task.Delay(Timeout.Infinite, shutdown).ContinueWith(_ => { }, TaskScheduler.Default);

        if (await Task.WhenAny(startAll, failure.Task, shutdownRequested) == startAll && !failure.Task.IsCompleted)
        {
            output.Info($"Every resource is healthy ({clock.Elapsed.TotalSeconds:0.0} s). Press Ctrl+C to stop.");
            output.Block(ReadyTable.Lines(runners));
            output.Block(resources.SelectMany(resource => resource.ReadyMessages).Select(message => message()));
            await Task.WhenAny(failure.Task, shutdownRequested);
        }

        stopping = true;
        if (failure.Task.IsCompleted) output.Error(failure.Task.Result);
        else output.Info("Stopping: a signal asked to.");
        await starting.CancelAsync();
        await Task.WhenAny(startAll, Task.Delay(StartAbandonGrace));
        await StopAllAsync();
        return failure.Task.IsCompleted ? 1 : 0;
    }

    private async Task StartWhenDependenciesAreHealthyAsync(ResourceRunner runner, CancellationToken ct)
    {
        var dependencies = ((Resource)runner.Resource).WaitsFor
            .Where(byResource.ContainsKey).Select(dependency => byResource[dependency].Ready);
        try
        {
            await Task.WhenAll(dependencies).WaitAsync(ct);
        }
        catch (Exception)
        {
            return; // a dependency failed and has reported it, or we are stopping
        }
        try
        {
            await runner.StartAsync(ct);
            _ = WatchAsync(runner);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            var report = $"{runner.Resource.Name} failed to start: {e.Message}";
            failure.TrySetResult(runner is ProjectRunner ? WithLastLines(report, runner) : report);
        }
    }

    private async Task WatchAsync(ResourceRunner runner)
    {
        if (runner.Exited is not { } exited) return;
        var exitCode = await exited;
        if (!stopping)
            failure.TrySetResult(WithLastLines($"{runner.Resource.Name} exited unexpectedly (exit code {exitCode}).", runner));
    }

    private string WithLastLines(string report, ResourceRunner runner) =>
        string.Join('\n', output.LastLines(runner.Resource.Name).Select(line => "    " + line)
            .Prepend($"{report} Its last lines:"));

    private async Task StopAllAsync()
    {
        var clock = Stopwatch.StartNew();
        foreach (var runner in runners.Reverse())
        {
            if (runner is DatabaseRunner) continue;
            try
            {
                await runner.StopAsync();
            }
            catch (Exception e)
            {
                output.Error($"Stopping {runner.Resource.Name} failed: {e.Message}");
            }
        }
        output.Info($"Stopped everything ({clock.Elapsed.TotalSeconds:0.0} s).");
    }
}
