namespace StrategyPlatform.TestSupport;

public static class TestFolders
{
    /// <summary>A fresh folder under the system temp folder (world-traversable, so the postgres account can use it when tests run as root).</summary>
    public static string Create(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "strategyplatform-tests", $"{purpose}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be releasing a file; the OS temp cleaner takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
