namespace StrategyPlatform.LocalServers;

/// <summary>Debian's PostgreSQL server packages put each major version under /usr/lib/postgresql/N/bin.</summary>
internal static class PostgresInstallation
{
    public static string FindBinDirectory(string root = "/usr/lib/postgresql")
    {
        var newest = (Directory.Exists(root) ? Directory.GetDirectories(root) : [])
            .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var number) ? number : -1,
                                Bin: Path.Combine(version, "bin")))
            .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "initdb"))
                && File.Exists(Path.Combine(candidate.Bin, "postgres")))
            .OrderByDescending(candidate => candidate.Version)
            .FirstOrDefault();
        return newest.Bin ?? throw new ServerNotInstalledException("PostgreSQL", "postgresql");
    }
}
