namespace StrategyPlatform.AppHost.Hosting;

/// <summary>The handle a declaration gets back, to chain With… and WaitFor calls on (as in Aspire).</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    DistributedApplicationBuilder ApplicationBuilder { get; }
    T Resource { get; }
}

internal sealed class ResourceBuilder<T>(DistributedApplicationBuilder applicationBuilder, T resource) : IResourceBuilder<T>
    where T : IResource
{
    public DistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;
    public T Resource { get; } = resource;
}
