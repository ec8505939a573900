namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// A process identified by pid and start time, so that a pid the kernel has since handed to an
/// unrelated process is never signalled.
/// </summary>
internal readonly record struct ProcessIdentity(int Pid, long StartTime)
{
    public static ProcessIdentity? Of(int pid)
    {
        var startTime = ProcessTree.StartTime(pid);
        return startTime is null ? null : new ProcessIdentity(pid, startTime.Value);
    }

    public bool IsAlive => ProcessTree.StartTime(Pid) == StartTime && !ProcessTree.IsZombie(Pid);
}

/// <summary>Reads the process tree from /proc.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<ProcessIdentity> Descendants(int pid)
    {
        var found = new List<ProcessIdentity>();
        var pending = new Stack<int>(Children(pid));
        while (pending.TryPop(out var child))
        {
            if (ProcessIdentity.Of(child) is not { } identity || found.Contains(identity)) continue;
            found.Add(identity);
            foreach (var grandchild in Children(child)) pending.Push(grandchild);
        }
        return found;
    }

    public static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try { tasks = Directory.GetDirectories($"/proc/{pid}/task"); }
        catch (IOException) { yield break; }
        catch (UnauthorizedAccessException) { yield break; }
        foreach (var task in tasks)
        {
            string text;
            try { text = File.ReadAllText(Path.Combine(task, "children")); }
            catch (IOException) { continue; }
            foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                yield return int.Parse(child);
        }
    }

    /// <summary>The command line with its NUL separators turned into spaces; null when the process is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Field 22 of /proc/[pid]/stat: start time in clock ticks since boot.</summary>
    public static long? StartTime(int pid) => StatField(pid, 22) is { } value ? long.Parse(value) : null;

    public static bool IsZombie(int pid) => StatField(pid, 3) == "Z";

    private static string? StatField(int pid, int field)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        // The command name (field 2) is in parentheses and may hold spaces: count from its end.
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return field == 1 ? stat[..stat.IndexOf(' ')] : afterName.ElementAtOrDefault(field - 3);
    }
}
