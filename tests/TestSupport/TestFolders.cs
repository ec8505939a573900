namespace StrategyPlatform.TestSupport;

public static class TestFolders
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "strategyplatform-tests");

    /// <summary>
    /// A fresh folder under the system temp folder (world-traversable, so the postgres account can use it
    /// when tests run as root), named after this test process so a later one can tell it is left over.
    /// </summary>
    public static string Create(string purpose)
    {
        var folder = Path.Combine(Root, $"{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..(purpose.Length + 20)]);
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
            // A server may still be releasing a file; the next sweep or the OS temp cleaner takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Removes the folders of test processes that have ended (their servers were stopped by DCP with them).</summary>
    public static void SweepLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        foreach (var folder in Directory.GetDirectories(Root))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length >= 3 && int.TryParse(parts[^2], out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
            {
                Delete(folder);
            }
        }
    }
}
