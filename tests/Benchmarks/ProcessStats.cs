using Aspire.Hosting;

namespace StrategyPlatform.Benchmarks;

/// <summary>The processes of the run, from DCP's resource snapshots and /proc: each .NET process's peak RSS, and CPU time per system.</summary>
internal sealed class ProcessStats
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly Dictionary<string, int> roots;

    private ProcessStats(Dictionary<string, int> roots) => this.roots = roots;

    /// <summary>Resource name → the pid DCP started (for a project, the <c>dotnet run</c> that runs it).</summary>
    public static async Task<ProcessStats> FindAsync(DistributedApplication app)
    {
        var roots = new Dictionary<string, int>();
        using var replayed = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await foreach (var e in app.ResourceNotifications.WatchAsync(replayed.Token))
            {
                if (e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid && int.TryParse(pid.ToString(), out var value))
                {
                    roots[e.Resource.Name] = value;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return new ProcessStats(roots);
    }

    /// <summary>The service's own process: under <c>dotnet run</c>, the one that is not the CLI.</summary>
    public int? ServicePid(string resource) =>
        roots.TryGetValue(resource, out var root)
            ? Tree(root).FirstOrDefault(pid => CommandLine(pid) is { } c && !c.StartsWith("dotnet run", StringComparison.Ordinal) && !c.Contains("dotnet.dll run", StringComparison.Ordinal) && !c.Contains(" run --project", StringComparison.Ordinal)) is var p and > 0 ? p : null
            : null;

    /// <summary>VmHWM: the highest resident set the process has had.</summary>
    public double? PeakRssMb(string resource) =>
        ServicePid(resource) is { } pid ? StatusField(pid, "VmHWM:") / 1024.0 : null;

    /// <summary>CPU seconds used so far by the given resources' processes and everything under them (PostgreSQL's backends, the Erlang VM).</summary>
    public double CpuSeconds(IEnumerable<string> resources) =>
        resources.Where(roots.ContainsKey).SelectMany(r => Tree(roots[r])).Distinct().Sum(pid => Ticks(pid)) / TicksPerSecond;

    /// <summary>
    /// Waits until the whole machine has been quiet for a second (less than <paramref name="busyShare"/> of its cores
    /// busy, from /proc/stat) or <paramref name="atMost"/> passed, so that a paced run measures the system at that
    /// pace and not the work the run before it left behind (vacuum, recounts, a backlog).
    /// </summary>
    /// <returns>How long it took to settle, and whether it did.</returns>
    public static async Task<(TimeSpan Waited, bool Settled)> SettleAsync(double busyShare, TimeSpan atMost)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (busy, total) = MachineTicks();
        while (clock.Elapsed < atMost)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var (busyNow, totalNow) = MachineTicks();
            var share = totalNow > total ? (double)(busyNow - busy) / (totalNow - total) : 1;
            (busy, total) = (busyNow, totalNow);
            if (share < busyShare)
            {
                return (clock.Elapsed, true);
            }
        }
        return (clock.Elapsed, false);
    }

    /// <summary>All cores' busy and total ticks so far (the "cpu" line: idle and iowait are the idle part).</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(long.Parse).ToArray();
        var total = fields.Take(8).Sum(); // user … steal; guest time is already inside user
        return (total - fields[3] - fields[4], total);
    }

    /// <summary>CPU seconds of this (the load generator's) process.</summary>
    public static double OwnCpuSeconds() => Ticks(Environment.ProcessId) / TicksPerSecond;

    private static List<int> Tree(int root)
    {
        var found = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            if (!Directory.Exists($"/proc/{pid}") || found.Contains(pid))
            {
                continue;
            }
            found.Add(pid);
            foreach (var task in SafeDirectories($"/proc/{pid}/task"))
            {
                foreach (var child in SafeRead(Path.Combine(task, "children"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [])
                {
                    pending.Push(int.Parse(child));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// utime + stime of a live process and cutime + cstime, the time of its children that exited and were waited for
    /// (fields 14–17 of /proc/[pid]/stat); live children's own time is counted on their pids. Without the children's
    /// part, a PostgreSQL backend that ended during a round took its CPU with it (a full run once read 1.19 ms per
    /// response in one round against 3.8 in the others).
    /// </summary>
    private static long Ticks(int pid)
    {
        if (SafeRead($"/proc/{pid}/stat") is not { } stat)
        {
            return 0;
        }
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
    }

    private static long StatusField(int pid, string name) =>
        SafeRead($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[name.Length..].Trim().Split(' ')[0]) : 0;

    private static string? CommandLine(int pid) => SafeRead($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim();

    private static string? SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
