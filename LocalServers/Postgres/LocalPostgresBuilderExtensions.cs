using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyPlatform.LocalServers;

namespace Aspire.Hosting;

public static class LocalPostgresBuilderExtensions
{
    private const string InsufficientPrivilege = "42501";

    /// <summary>
    /// PostgreSQL for the application: the server named by <c>ConnectionStrings__{name}</c> when it is set
    /// (no local process then), else the machine's PostgreSQL server binaries run as an executable on
    /// <c>{data}/{name}</c>, its superuser password the persisted secret <c>{name}-password</c>.
    /// Healthy once it answers a query.
    /// </summary>
    /// <exception cref="ServerNotInstalledException">No local server is configured and the binaries are missing.</exception>
    public static IResourceBuilder<IPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var server = builder.Configuration.GetConnectionString(name) is { Length: > 0 }
            ? builder.AddExistingPostgres(name)
            : builder.AddPostgresExecutable(name);
        server.WithHealthCheck($"{name}-query", resource => new PostgresHealthCheck(ct => resource.ConnectionStringExpression.GetValueAsync(ct)));
        // Databases are created once the server answers: declared ones now, like Aspire's own AddPostgres.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, (e, ct) => CreateDatabasesAsync(builder, server.Resource, e.Services, ct));
        return server;
    }

    /// <summary>
    /// A database on the server; referencing it gives <c>ConnectionStrings__{name}</c>. Its state follows the
    /// server's, and it is healthy once it answers a query itself (so only once it has been created). On a
    /// local server the database belongs to a login role of the same name, its password the persisted secret
    /// <c>{name}-password</c>: a service connects as that role, never as the superuser, and reaches no other
    /// service's database.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<IPostgresServerResource> server, string name, string? databaseName = null)
    {
        var builder = server.ApplicationBuilder;
        databaseName ??= name;
        var owner = server.Resource is LocalPostgresResource ? new DatabaseOwner(databaseName, builder.AddPersistedSecret($"{name}-password").Resource) : null;
        var database = new PostgresDatabaseResource(name, databaseName, server.Resource, owner);
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.NotStarted, Properties = [] })
            .WithIconName("Database")
            .WithHealthCheck($"{name}-query", db => new PostgresHealthCheck(ct => db.ConnectionStringExpression.GetValueAsync(ct)))
            .OnInitializeResource((db, e, ct) => ParentState.FollowAsync(db, db.Parent, e.Notifications, ct));
    }

    private static IResourceBuilder<IPostgresServerResource> AddExistingPostgres(this IDistributedApplicationBuilder builder, string name) =>
        ExistingServer.Add(builder, name, connectionString => new ExistingPostgresResource(name, connectionString), "PostgreSQL (yours)", "DatabaseMultiple");

    private static IResourceBuilder<IPostgresServerResource> AddPostgresExecutable(this IDistributedApplicationBuilder builder, string name)
    {
        ServerNotInstalledException.ReportWhenUnhandled();
        var cluster = PostgresCluster.Locate(Path.Combine(builder.GetDataDirectory(), name), PostgresInstallation.FindBinDirectory());
        builder.GetSecretStore().Adopt($"{name}-password", cluster.LegacyPasswordFile);
        var password = builder.AddPersistedSecret($"{name}-password");
        var (command, arguments) = cluster.ServerCommand();
        var server = new LocalPostgresResource(name, command, cluster.Root, password.Resource);
        return builder.AddResource(server)
            .WithEndpoint(LocalPostgresResource.EndpointName, endpoint => DirectEndpoint.Configure(endpoint, builder.Configuration.GetValue<int?>($"AppHost:Ports:{name}")))
            .WithArgs(context =>
            {
                foreach (var argument in arguments)
                {
                    context.Args.Add(argument);
                }
                context.Args.Add("-p");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithIconName("DatabaseMultiple")
            .OnBeforeResourceStarted(async (resource, e, ct) =>
            {
                var log = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                await cluster.PrepareAsync((await resource.Password.GetValueAsync(ct))!, resource.Password.Name, log, ct);
            });
    }

    private static async Task CreateDatabasesAsync(IDistributedApplicationBuilder builder, IPostgresServerResource server, IServiceProvider services, CancellationToken ct)
    {
        var admin = (await server.ConnectionStringExpression.GetValueAsync(ct))!;
        var logs = services.GetRequiredService<ResourceLoggerService>();
        foreach (var database in builder.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == server))
        {
            try
            {
                var owner = database.Owner is { } o ? new DatabaseRole(o.Role, (await o.Password.GetValueAsync(ct))!) : null;
                await PostgresDatabases.EnsureAsync(admin, database.DatabaseName, owner, ct);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == InsufficientPrivilege)
            {
                logs.GetLogger(database).LogWarning("Not allowed to create database {Database} ({Reason}); it must exist already.", database.DatabaseName, e.MessageText);
            }
        }
    }
}
