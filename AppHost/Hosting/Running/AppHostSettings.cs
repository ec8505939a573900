using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Where the repository and the data are, how the projects were built, and the port overrides.</summary>
internal sealed class AppHostSettings
{
    private const string SolutionFile = "StrategyPlatform.sln";
    private readonly IConfiguration configuration;

    private AppHostSettings(IConfiguration configuration, string repositoryRoot)
    {
        this.configuration = configuration;
        RepositoryRoot = repositoryRoot;
        DataDirectory = Path.GetFullPath(configuration["AppHost:DataDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(repositoryRoot, ".data"));
    }

    public string RepositoryRoot { get; }
    /// <summary>Git-ignored; the servers' data and the generated parameters survive restarts here.</summary>
    public string DataDirectory { get; }
    /// <summary>The projects are run from the same build configuration as the AppHost itself.</summary>
    public string BuildConfiguration { get; } =
        typeof(AppHostSettings).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
    /// <summary>"net10.0", from the AppHost's own target, for projects that do not name theirs.</summary>
    public string TargetFramework { get; } = "net" + new System.Runtime.Versioning.FrameworkName(AppContext.TargetFrameworkName!).Version.ToString(2);
    public string EnvironmentName { get; } =
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspNetCore ? aspNetCore
        : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : "Development";

    public static AppHostSettings Load(IConfiguration configuration) => new(configuration, FindRepositoryRoot());

    /// <summary><c>AppHost__Ports__{resource}</c>: null when not set, 0 for any free port.</summary>
    public int? Port(string resourceName) =>
        configuration[$"AppHost:Ports:{resourceName}"] is { Length: > 0 } text
            ? int.TryParse(text, out var port) && port is >= 0 and <= 65535 ? port
                : throw new AppHostException($"AppHost__Ports__{resourceName}={text} is not a port number.")
            : null;

    /// <summary>A server the user runs (<c>ConnectionStrings__{name}</c>) instead of a local one.</summary>
    public string? ExternalConnectionString(string resourceName) =>
        configuration[$"ConnectionStrings:{resourceName}"] is { Length: > 0 } value ? value : null;

    public string? Parameter(string name) => configuration[$"Parameters:{name}"];

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile))) return folder.FullName;
        }
        throw new AppHostException($"{SolutionFile} was not found above {AppContext.BaseDirectory}: run the AppHost from its build output in the repository.");
    }
}
