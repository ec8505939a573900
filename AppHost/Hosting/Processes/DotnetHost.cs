namespace StrategyPlatform.AppHost.Hosting;

internal static class DotnetHost
{
    /// <summary>
    /// The dotnet executable: our own process when run as "dotnet app.dll", else the one the SDK
    /// names (DOTNET_HOST_PATH), else the first on PATH.
    /// </summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "dotnet"))
            .FirstOrDefault(File.Exists) ?? "dotnet";
    }
}
