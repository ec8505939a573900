namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// A server left running by an earlier run that was killed before it could stop it: found through
/// the pid file it (or we) wrote, and recognised by its command line so that a recycled pid is
/// never hit.
/// </summary>
internal static class StaleProcess
{
    public static async Task StopAsync(string pidFile, string commandLineMarker, int signal, TimeSpan grace, Action<string> log)
    {
        if (ReadPid(pidFile) is not { } pid || ProcessIdentity.Of(pid) is not { } stale || !stale.IsAlive) return;
        if (ProcessTree.CommandLine(pid)?.Contains(commandLineMarker, StringComparison.Ordinal) != true) return;

        log($"Stopping process {pid} left running by an earlier run ({pidFile}).");
        var tree = ProcessTree.Descendants(pid).Append(stale).ToList();
        Libc.Signal(pid, signal);
        for (var waited = TimeSpan.Zero; stale.IsAlive && waited < grace; waited += TimeSpan.FromMilliseconds(200))
            await Task.Delay(200);
        foreach (var process in tree.Where(p => p.IsAlive))
            Libc.Signal(process.Pid, Libc.SIGKILL);
        for (var attempt = 0; attempt < 50 && tree.Any(p => p.IsAlive); attempt++)
            await Task.Delay(100);
    }

    public static void Write(string pidFile, int pid) => File.WriteAllText(pidFile, $"{pid}\n");

    /// <summary>The first line of a pid file (PostgreSQL's postmaster.pid has more lines after it).</summary>
    private static int? ReadPid(string pidFile)
    {
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(first?.Trim(), out var pid) ? pid : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
