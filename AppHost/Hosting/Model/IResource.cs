namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Something the AppHost runs or points at, named as in Aspire.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>Referencing it gives <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString : IResource;

/// <summary>Referencing it gives <c>services__{name}__http__0</c> (what .NET service discovery reads).</summary>
public interface IResourceWithServiceDiscovery : IResource;

/// <summary>A resource that takes environment variables: a project.</summary>
public interface IResourceWithEnvironment : IResource;
