using System.Diagnostics;

namespace StrategyPlatform.TestSupport;

/// <summary>
/// Stops the test servers by process id when the test host ends, however it ends. The test runner
/// kills the host moments after the last test (and a crashed or killed host runs no clean-up code
/// at all), so the stop is done by a small detached shell process that waits for the host to go.
/// </summary>
public static class ServerReaper
{
    private const string Script = """
        host=$1; folder=$2; shift 2
        while kill -0 "$host" 2>/dev/null; do sleep 0.3; done
        kill -9 "$@" 2>/dev/null
        rm -rf "$folder"
        """;

    public static void WatchOver(string folder, IEnumerable<int> processIds)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true, // its own stdin, not the runner's
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "bash", "-c", Script, "reaper", Environment.ProcessId.ToString(), folder })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var pid in processIds)
        {
            start.ArgumentList.Add(pid.ToString());
        }
        using var reaper = Process.Start(start);
    }
}
