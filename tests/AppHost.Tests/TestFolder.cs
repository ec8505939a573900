namespace StrategyPlatform.AppHost.Tests;

internal static class TestFolder
{
    /// <summary>A fresh folder under the system temp folder, which the postgres account can reach when we run as root.</summary>
    public static string Create(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "strategyplatform-apphost-tests", $"{purpose}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a server may still be releasing a file; the temp cleaner takes the rest */ }
    }
}
