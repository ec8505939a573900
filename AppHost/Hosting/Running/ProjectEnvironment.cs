using System.Collections;
using System.Security.Cryptography;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>The environment a project is given, as Aspire gives it.</summary>
internal static class ProjectEnvironment
{
    // Inherited values under these would shadow (or leak) what the AppHost hands out.
    private static readonly string[] NotInherited = ["ConnectionStrings__", "services__", "Parameters__", "AppHost__"];
    private static readonly string[] NotInheritedExactly = ["ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"];

    public static async Task<Dictionary<string, string?>> BuildAsync(
        ProjectResource project, string url, IReadOnlyDictionary<IResource, ResourceRunner> runners, AppHostSettings settings, CancellationToken ct)
    {
        var environment = new Dictionary<string, string?>();
        foreach (DictionaryEntry inherited in Environment.GetEnvironmentVariables())
        {
            var name = (string)inherited.Key;
            if (NotInherited.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) || NotInheritedExactly.Contains(name))
                environment[name] = null;
        }

        environment["ASPNETCORE_URLS"] = url;
        environment["ASPNETCORE_ENVIRONMENT"] = settings.EnvironmentName;
        environment["OTEL_SERVICE_NAME"] = project.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        // OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL and _HEADERS are inherited, so they pass through only when set.

        foreach (var reference in project.References)
        {
            var runner = runners[reference];
            switch (reference)
            {
                case IResourceWithConnectionString:
                    // A connection string (its password, its port) exists once the server has started.
                    await runner.Ready.WaitAsync(ct);
                    environment[$"ConnectionStrings__{reference.Name}"] = runner.ConnectionString;
                    break;
                case IResourceWithServiceDiscovery:
                    environment[$"services__{reference.Name}__http__0"] = runner.Status.Url;
                    break;
            }
        }
        foreach (var value in project.Environment) environment[value.Name] = value.Resolve();
        return environment;
    }
}
