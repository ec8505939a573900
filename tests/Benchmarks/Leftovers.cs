using System.Diagnostics;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// The last word on what the run started: anything still alive under this process (DCP watches it by pid) or
/// using the run's data folder (the servers' HOME and data are in it, so also an <c>epmd -daemon</c> that
/// detached) gets SIGTERM by its pid, then SIGKILL if it is still there after ten seconds. DCP should already
/// have stopped all of it; what this finds is printed, so a leak is seen rather than left on a shared machine.
/// </summary>
internal static class Leftovers
{
    public static async Task StopAsync(string folder)
    {
        var left = Find(folder);
        if (left.Count == 0)
        {
            return;
        }
        Console.WriteLine($"Still running after the platform stopped, sent SIGTERM: {string.Join("; ", left)}");
        foreach (var process in left)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        var clock = Stopwatch.StartNew();
        while (left.Any(p => p.IsAlive) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200);
        }
        foreach (var process in left.Where(p => p.IsAlive))
        {
            Console.WriteLine($"Did not stop on SIGTERM, killed: {process}");
            try
            {
                using var handle = Process.GetProcessById(process.Pid);
                handle.Kill();
            }
            catch (ArgumentException)
            {
                // Gone meanwhile.
            }
        }
    }

    private static List<ProcessIdentity> Find(string folder) =>
        [.. ProcessTree.OfAppHost(Environment.ProcessId).Concat(ProcessTree.UsingFolder(folder))
            .Where(p => p.Pid != Environment.ProcessId && p.IsAlive)
            .DistinctBy(p => p.Pid)];
}
