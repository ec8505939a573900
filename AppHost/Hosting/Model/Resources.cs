namespace StrategyPlatform.AppHost.Hosting;

public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString;

public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;
    public PostgresServerResource Parent { get; } = parent;
}

public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString;

public sealed class ProjectResource(string name, string projectPath)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery
{
    /// <summary>The .csproj, relative to the repository root.</summary>
    public string ProjectPath { get; } = projectPath;
    /// <summary>The HTTP port asked for; it is used when free, else any free port is.</summary>
    public int? DeclaredPort { get; internal set; }
}

/// <summary>A value from configuration (<c>Parameters__{name}</c>), or for a secret one generated once and kept.</summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name)
{
    private string? value;

    public bool Secret { get; } = secret;
    public string Value
    {
        get => value ?? throw new InvalidOperationException($"Parameter '{Name}' has no value until the application runs.");
        internal set => this.value = value;
    }
}
