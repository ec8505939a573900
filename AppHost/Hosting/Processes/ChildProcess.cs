using System.Diagnostics;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>What to run: a program, its arguments and where and as whom.</summary>
internal sealed record ChildProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }
    /// <summary>Overrides of the inherited environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    /// <summary>Run as this account (only possible when we are root).</summary>
    public string? UserName { get; init; }
}

/// <summary>
/// A process we started: its output goes line by line to a callback, the last lines are kept for
/// error reports, and stopping it always ends with nothing of its tree left alive.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int LinesKept = 20;
    private readonly Process process;
    private readonly Queue<string> lastLines = new();
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ProcessIdentity identity;

    private ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;
    public bool HasExited => exited.Task.IsCompleted;
    /// <summary>Completes with the exit code once the process itself has exited.</summary>
    public Task<int> Exited => exited.Task;

    public IReadOnlyList<string> LastLines { get { lock (lastLines) return [.. lastLines]; } }

    public static ChildProcess Start(ChildProcessSpec spec, Action<string> onLine)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // An input that is closed at once: no child reads (or stops on) the AppHost's terminal.
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? "",
        };
        // setsid(1) execs in place (same pid) into a new session, so a Ctrl+C on the terminal
        // reaches only the AppHost, which then stops everything in order.
        if (File.Exists("/usr/bin/setsid"))
        {
            info.FileName = "/usr/bin/setsid";
            info.ArgumentList.Add(spec.FileName);
        }
        else
        {
            info.FileName = spec.FileName;
        }
        foreach (var argument in spec.Arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in spec.Environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        if (spec.UserName is not null) info.UserName = spec.UserName;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, onLine);
        process.Exited += (_, _) => child.exited.TrySetResult(SafeExitCode(process));
        process.Start();
        child.identity = ProcessIdentity.Of(process.Id) ?? new ProcessIdentity(process.Id, 0);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Sends the signal, waits up to the grace period, then kills the whole tree. Every process
    /// that was in the tree when the signal was sent is checked again afterwards, because a child
    /// whose parent died is re-parented away from the tree.
    /// </summary>
    /// <returns>Whether it exited within the grace period (false: it had to be killed).</returns>
    public async Task<bool> StopAsync(int signal, TimeSpan grace)
    {
        var tree = identity.IsAlive ? ProcessTree.Descendants(Id).ToList() : [];
        if (!HasExited)
        {
            Libc.Signal(Id, signal);
            await Task.WhenAny(Exited, Task.Delay(grace));
        }
        var graceful = HasExited;
        if (!graceful)
        {
            tree.AddRange(ProcessTree.Descendants(Id));
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited meanwhile */ }
            await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5)));
        }
        foreach (var leftover in tree.Where(p => p.IsAlive))
            Libc.Signal(leftover.Pid, Libc.SIGKILL);
        await WaitUntilGoneAsync(tree);
        return graceful;
    }

    public async ValueTask DisposeAsync()
    {
        if (identity.IsAlive) await StopAsync(Libc.SIGKILL, TimeSpan.Zero);
        process.Dispose();
    }

    private static async Task WaitUntilGoneAsync(IEnumerable<ProcessIdentity> processes)
    {
        for (var attempt = 0; attempt < 50 && processes.Any(p => p.IsAlive); attempt++)
            await Task.Delay(100);
    }

    private void OnLine(string? line, Action<string> onLine)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > LinesKept) lastLines.Dequeue();
        }
        onLine(line);
    }

    private static int SafeExitCode(Process process)
    {
        try { return process.ExitCode; }
        catch (InvalidOperationException) { return -1; }
    }
}
