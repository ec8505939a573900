using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>What a scenario does, as it does it: into the test log file, and to stderr when run as the suite's program.</summary>
public static class FaultLog
{
    public static bool ToConsole { get; set; }

    public static void Write(string line)
    {
        TestLog.Write($"[faults] {line}");
        if (ToConsole)
        {
            Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
        }
    }
}
