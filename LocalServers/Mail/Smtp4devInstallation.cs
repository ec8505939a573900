using System.Runtime.InteropServices;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// Where <c>dotnet tool restore</c> put smtp4dev: its platform package in the NuGet cache holds a native launcher,
/// run directly (one process the orchestrator can stop), not through <c>dotnet tool run</c>.
/// </summary>
internal static class Smtp4devInstallation
{
    private const string Package = "rnwood.smtp4dev";

    public static string Find()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var rid = RuntimeInformation.RuntimeIdentifier;
        var root = Path.Combine(packages, $"{Package}.{rid}");
        var newest = (Directory.Exists(root) ? Directory.GetDirectories(root) : [])
            .Select(folder => (Version: Version.TryParse(Path.GetFileName(folder), out var v) ? v : null, Folder: folder))
            .Where(c => c.Version is not null)
            .OrderByDescending(c => c.Version)
            .Select(c => Directory.GetFiles(Path.Combine(c.Folder, "tools"), "Rnwood.Smtp4dev", SearchOption.AllDirectories).FirstOrDefault())
            .FirstOrDefault(path => path is not null);
        return newest ?? throw new ToolNotRestoredException("smtp4dev (the local mail server)");
    }
}

/// <summary>A .NET tool of the repository is missing; the message says how to get it.</summary>
public sealed class ToolNotRestoredException(string tool)
    : Exception($"{tool} is not installed: run `dotnet tool restore` in the repository (scripts/prerequisites.sh does), or set ConnectionStrings__mail to your SMTP relay.");
