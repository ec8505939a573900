using Microsoft.Extensions.Configuration;

namespace StrategyPlatform.AppHost;

/// <summary>The AppHost's own settings (<c>AppHost__…</c>, README "Settings"), read where the model is declared.</summary>
internal static class PlatformSettings
{
    /// <summary><c>AppHost__Replicas__{name}</c>, else <c>AppHost__Replicas</c>, else 1.</summary>
    public static int ReplicasOf(this IDistributedApplicationBuilder builder, string name)
    {
        var replicas = builder.Configuration.GetValue<int?>($"AppHost:Replicas:{name}") ?? builder.Configuration.GetValue("AppHost:Replicas", 1);
        return replicas >= 1 ? replicas : throw new ArgumentOutOfRangeException(name, replicas, $"AppHost__Replicas__{name} must be 1 or more.");
    }

    /// <summary><c>AppHost__Ports__web</c>, 5080 by default; 0 for any free port.</summary>
    public static int? PortalPort(this IDistributedApplicationBuilder builder) =>
        builder.Configuration.GetValue("AppHost:Ports:web", 5080) is var port and > 0 ? port : null;

    /// <summary>
    /// What every .NET resource of the platform gets: an HTTP endpoint on a port DCP chooses (unless set),
    /// readiness from <c>/health</c> (so WaitFor waits for migrations and the broker, not for a bare process),
    /// the environment it runs in, and the signing key of the staff tokens. Plain HTTP on loopback: no
    /// development certificate is asked for (there is none to trust here, and the dashboard would say so in red).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource> signingKey)
    {
#pragma warning disable ASPIRECERTIFICATES001 // experimental in 13.6, and the only way to tell a project "no certificate"
        project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
        var environment = project.ApplicationBuilder.Configuration["AppHost:Environment"] is { Length: > 0 } configured ? configured : "Development";
        return project
            .WithEndpoint("http", endpoint => endpoint.UriScheme = "http", createIfNotExists: true)
            .WithHttpHealthCheck("/health")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
            .WithEnvironment("Jwt__SigningKey", signingKey);
    }
}
