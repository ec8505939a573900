namespace StrategyPlatform.AppHost.Hosting;

/// <summary>What a project is given and what it waits for, with Aspire's method names.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Gives <c>ConnectionStrings__{name}</c>; the connection string exists once the server has started.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment => Reference(builder, source.Resource);

    /// <summary>Gives <c>services__{name}__http__0</c>, the referenced project's URL.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment => Reference(builder, source.Resource);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        AsResource(builder).Environment.Add(new EnvironmentValue(name, value, null));
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment
    {
        AsResource(builder).Environment.Add(new EnvironmentValue(name, null, parameter.Resource));
        return builder;
    }

    /// <summary>Starts this resource only once the other one is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource
    {
        AsResource(builder).WaitsFor.Add(dependency.Resource);
        return builder;
    }

    /// <summary>A line printed under the ready table once everything is healthy (e.g. a first sign-in).</summary>
    public static IResourceBuilder<T> WithReadyMessage<T>(this IResourceBuilder<T> builder, Func<string> message)
        where T : IResource
    {
        AsResource(builder).ReadyMessages.Add(message);
        return builder;
    }

    private static IResourceBuilder<T> Reference<T>(IResourceBuilder<T> builder, IResource source) where T : IResource
    {
        AsResource(builder).References.Add(source);
        return builder;
    }

    private static Resource AsResource<T>(IResourceBuilder<T> builder) where T : IResource =>
        builder.Resource as Resource ?? throw new ArgumentException($"{typeof(T).Name} is not a resource of this AppHost.");
}
