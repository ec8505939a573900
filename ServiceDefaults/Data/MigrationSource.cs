using System.Reflection;

namespace StrategyPlatform.ServiceDefaults.Data;

/// <summary>One ordered set of SQL scripts embedded in an assembly. The file name (e.g. <c>0001_init.sql</c>) sets the order.</summary>
public sealed record MigrationSource(string Name, Assembly Assembly, string ResourceMarker)
{
    public IReadOnlyList<(string Id, string Sql)> LoadScripts() =>
        Assembly.GetManifestResourceNames()
            .Where(r => r.Contains(ResourceMarker, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
            .Select(r => (Id: $"{Name}/{r[(r.IndexOf(ResourceMarker, StringComparison.Ordinal) + ResourceMarker.Length)..]}", Resource: r))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => (r.Id, Read(r.Resource)))
            .ToList();

    private string Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
