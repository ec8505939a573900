namespace StrategyPlatform.AppHost.Tests;

/// <summary>A process identified by pid and start time, so that a pid the kernel has since reused is never mistaken for it.</summary>
internal readonly record struct ProcessIdentity(int Pid, long StartTime, string CommandLine)
{
    public bool IsAlive => ProcessTree.StartTime(Pid) == StartTime && !ProcessTree.IsZombie(Pid);

    public override string ToString() => $"{Pid} {CommandLine}";
}

/// <summary>Reads the process tree from /proc, to prove what a run leaves behind.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// The AppHost and everything under it, plus DCP, which detaches from the AppHost and watches it by pid
    /// (<c>dcp start-apiserver --monitor {pid}</c>), with everything DCP started.
    /// </summary>
    public static IReadOnlyList<ProcessIdentity> OfAppHost(int appHostPid)
    {
        var roots = AllPids().Where(pid => pid == appHostPid || (CommandLine(pid)?.Contains($"--monitor {appHostPid}") ?? false));
        var found = new List<ProcessIdentity>();
        var pending = new Stack<int>(roots);
        while (pending.TryPop(out var pid))
        {
            if (Identity(pid) is not { } identity || found.Any(p => p.Pid == pid))
            {
                continue;
            }
            found.Add(identity);
            foreach (var child in Children(pid))
            {
                pending.Push(child);
            }
        }
        return found;
    }

    /// <summary>
    /// Every process whose environment names <paramref name="folder"/> (the servers' HOME and data folders are in
    /// it): catches what a server spawned on the side, such as an <c>epmd -daemon</c> that outlives everything.
    /// </summary>
    public static IReadOnlyList<ProcessIdentity> UsingFolder(string folder) =>
        [.. AllPids().Where(pid =>
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/environ").Contains(folder, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }).Select(Identity).OfType<ProcessIdentity>()];

    public static ProcessIdentity? Identity(int pid) =>
        StartTime(pid) is { } start && CommandLine(pid) is { } command ? new ProcessIdentity(pid, start, command) : null;

    private static IEnumerable<int> AllPids() =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0).Where(pid => pid > 0);

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            yield break;
        }
        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (IOException)
            {
                continue;
            }
            foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.Parse(child);
            }
        }
    }

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Field 22 of /proc/[pid]/stat: start time in clock ticks since boot.</summary>
    public static long? StartTime(int pid) => StatField(pid, 22) is { } value ? long.Parse(value) : null;

    public static bool IsZombie(int pid) => StatField(pid, 3) == "Z";

    private static string? StatField(int pid, int field)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count from its end.
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ').ElementAtOrDefault(field - 3);
    }
}
