using Microsoft.Extensions.Configuration;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Collects the declared resources, in declaration order (which is also a valid start order).</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> resources = [];

    internal DistributedApplicationBuilder(string[] args)
    {
        Configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
    }

    /// <summary>Environment variables, then command-line arguments (<c>--AppHost:DataDirectory=…</c>).</summary>
    public IConfiguration Configuration { get; }

    internal IReadOnlyList<Resource> Resources => resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (resources.Any(existing => string.Equals(existing.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"A resource named '{resource.Name}' is already declared.", nameof(resource));
        resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build() => new(this);
}
