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

    /// <summary>The server as a database's own role, naming nothing of the superuser.</summary>
    internal ReferenceExpression ConnectionStringFor(DatabaseOwner owner, string database) => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={owner.Role};Password={owner.Password};Database={database}");
}

/// <summary>The user's own server, from <c>ConnectionStrings__{name}</c>: checked, never started or stopped.</summary>
public sealed class ExistingPostgresResource(string name, ParameterResource connectionString) : Resource(name), IPostgresServerResource
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{connectionString}");
}

/// <summary>The login role a database belongs to and is used through: it owns that database and nothing else.</summary>
public sealed record DatabaseOwner(string Role, ParameterResource Password);

/// <summary>
/// A database on one of those servers, created when the server is ready (when the account may). On a local
/// server it has an owner of its own, whose connection string is the one the service gets; on the user's
/// server it is used through the account they named.
/// </summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, IPostgresServerResource parent, DatabaseOwner? owner = null)
    : Resource(name), IResourceWithParent<IPostgresServerResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;
    public IPostgresServerResource Parent { get; } = parent;
    public DatabaseOwner? Owner { get; } = owner;

    public ReferenceExpression ConnectionStringExpression => Owner is not null && Parent is LocalPostgresResource local
        ? local.ConnectionStringFor(Owner, DatabaseName)
        : ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
