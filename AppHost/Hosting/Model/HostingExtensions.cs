namespace StrategyPlatform.AppHost.Hosting;

/// <summary>The Add… methods, named and shaped as Aspire's hosting packages have them.</summary>
public static class HostingExtensions
{
    /// <summary>A local PostgreSQL server, or the one named by <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name));

    /// <summary>A database on that server, created if missing; its name is the resource's unless given.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null) =>
        server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, databaseName ?? name, server.Resource));

    /// <summary>A local RabbitMQ broker, or the one named by <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RabbitMQServerResource(name));

    public static IResourceBuilder<ParameterResource> AddParameter(this DistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret));

    /// <param name="projectPath">The .csproj, relative to the repository root.</param>
    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddResource(new ProjectResource(name, projectPath));

    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null)
    {
        builder.Resource.DeclaredPort = port;
        return builder;
    }
}
