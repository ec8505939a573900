using System.Xml.Linq;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Where a project's built entry assembly is: bin/{Configuration}/{TargetFramework}/{AssemblyName}.dll.
/// Projects run from it with "dotnet app.dll": "dotnet run" would build again and add a process.
/// </summary>
internal sealed record ProjectBuildOutput(string ProjectDirectory, string EntryAssembly)
{
    public static ProjectBuildOutput Find(ProjectResource project, AppHostSettings settings)
    {
        var projectFile = Path.GetFullPath(Path.Combine(settings.RepositoryRoot, project.ProjectPath));
        if (!File.Exists(projectFile))
            throw new AppHostException($"Project '{project.Name}': {project.ProjectPath} does not exist.");

        var properties = XDocument.Load(projectFile).Descendants().Where(element => element.Parent?.Name.LocalName == "PropertyGroup").ToList();
        string? Property(string name) => properties.LastOrDefault(element => element.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;

        var directory = Path.GetDirectoryName(projectFile)!;
        var assemblyName = Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(projectFile);
        var entryAssembly = Path.Combine(directory, "bin", settings.BuildConfiguration,
            Property("TargetFramework") ?? settings.TargetFramework, assemblyName + ".dll");
        if (!File.Exists(entryAssembly))
            throw new AppHostException($"Project '{project.Name}' is not built ({Path.GetRelativePath(settings.RepositoryRoot, entryAssembly)} is missing): run dotnet build AppHost -c {settings.BuildConfiguration}.");
        return new ProjectBuildOutput(directory, entryAssembly);
    }
}
