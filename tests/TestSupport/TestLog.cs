namespace StrategyPlatform.TestSupport;

/// <summary>Server output goes to a log file per test process, so a failing CI run can be read afterwards.</summary>
public static class TestLog
{
    private static readonly Lock Gate = new();
    private static readonly string FilePath = Path.Combine(Path.GetTempPath(), "strategyplatform-tests", $"servers-{Environment.ProcessId}.log");

    public static void Write(string line)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }
}
