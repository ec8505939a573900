using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.LocalServers;

/// <summary>A server the user runs, named by <c>ConnectionStrings__{name}</c>: no process, "Running" from the start, healthy once its health check passes.</summary>
internal static class ExistingServer
{
    public static IResourceBuilder<T> Add<T>(IDistributedApplicationBuilder builder, string name, Func<ParameterResource, T> create, string type, string icon)
        where T : IResource
    {
        var connectionString = builder.AddParameterFromConfiguration($"{name}-connection-string", $"ConnectionStrings:{name}", secret: true);
        return builder.AddResource(create(connectionString.Resource))
            .WithInitialState(new CustomResourceSnapshot { ResourceType = type, State = KnownResourceStates.NotStarted, Properties = [] })
            .WithIconName(icon)
            .OnInitializeResource((resource, e, ct) => e.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Running }));
    }
}
