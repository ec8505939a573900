using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.LocalServers;

/// <summary>A PostgreSQL server the application's databases live on: a local one, or one the user runs.</summary>
public interface IPostgresServerResource : IResourceWithConnectionString, IResourceWithWaitSupport;

/// <summary>PostgreSQL run by the orchestrator from the machine's server binaries, on a folder of ours.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IPostgresServerResource
{
    internal const string EndpointName = "tcp";
    private EndpointReference? endpoint;

    public ParameterResource Password { get; } = password;
    public EndpointReference PrimaryEndpoint => endpoint ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={PostgresCluster.Superuser};Password={Password}");
}

/// <summary>The user's own server, from <c>ConnectionStrings__{name}</c>: checked, never started or stopped.</summary>
public sealed class ExistingPostgresResource(string name, ParameterResource connectionString) : Resource(name), IPostgresServerResource
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{connectionString}");
}

/// <summary>A database on one of those servers, created when the server is ready (when the account may).</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, IPostgresServerResource parent)
    : Resource(name), IResourceWithParent<IPostgresServerResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;
    public IPostgresServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
