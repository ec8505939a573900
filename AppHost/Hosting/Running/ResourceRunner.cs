namespace StrategyPlatform.AppHost.Hosting;

/// <summary>What the ready table shows of a resource.</summary>
internal sealed record ResourceStatus(string State, int? ProcessId, string Url);

/// <summary>Runs (or checks) one declared resource: start it, tell when it is healthy, stop it.</summary>
internal abstract class ResourceRunner(IResource resource)
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IResource Resource { get; } = resource;
    /// <summary>Completes once the resource is healthy; faults if it failed to start.</summary>
    public Task Ready => ready.Task;
    /// <summary>The exit of the resource's own process, so a crash is noticed; null when it runs none.</summary>
    public virtual Task<int>? Exited => null;
    public virtual string ConnectionString => throw new InvalidOperationException($"{Resource.Name} has no connection string.");
    public abstract ResourceStatus Status { get; }

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await StartCoreAsync(ct);
            ready.TrySetResult();
        }
        catch (Exception e)
        {
            ready.TrySetException(e);
            throw;
        }
    }

    public virtual Task StopAsync() => Task.CompletedTask;

    /// <summary>Stops what an earlier run, killed before it could stop it, left running of this resource.</summary>
    public virtual Task StopLeftoverAsync() => Task.CompletedTask;

    protected abstract Task StartCoreAsync(CancellationToken ct);
}
