using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using StrategyPlatform.AppHost.Hosting;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>One row of the AppHost's ready table: <c>| name | state | pid | url |</c>.</summary>
internal sealed record ReadyRow(string Name, string State, int? ProcessId, string Url);

/// <summary>
/// The built AppHost run as a user runs it (<c>dotnet StrategyPlatform.AppHost.dll</c>), on a
/// temporary data folder and on free ports only. Disposing it kills whatever it left behind.
/// </summary>
internal sealed partial class AppHostRun : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly HashSet<ProcessIdentity> seen = [];

    private AppHostRun(Process process) => this.process = process;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public int ProcessId => process.Id;
    public int ExitCode => process.ExitCode;
    public string Output { get { lock (lines) return string.Join('\n', lines); } }

    /// <summary>The resources Program.cs declares, read from it, so the test follows the declaration.</summary>
    public static IReadOnlyList<(string Kind, string Name)> DeclaredResources() =>
        DeclarationPattern().Matches(File.ReadAllText(Path.Combine(RepositoryRoot, "AppHost", "Program.cs")))
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value)).ToList();

    public static AppHostRun Start(string dataDirectory)
    {
        var configuration = typeof(AppHostRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var info = new ProcessStartInfo("dotnet", [Path.Combine(RepositoryRoot, "AppHost", "bin", configuration, "net10.0", "StrategyPlatform.AppHost.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var name in info.Environment.Keys.Where(IsAppHostInput).ToList()) info.Environment.Remove(name);
        info.Environment["AppHost__DataDirectory"] = dataDirectory;
        foreach (var (kind, name) in DeclaredResources())
        {
            info.Environment[$"AppHost__Ports__{name}"] = "0";
            if (kind == "RabbitMQ") info.Environment[$"AppHost__Ports__{name}-management"] = "0";
        }

        var run = new AppHostRun(new Process { StartInfo = info });
        run.process.OutputDataReceived += (_, e) => run.Add(e.Data);
        run.process.ErrorDataReceived += (_, e) => run.Add(e.Data);
        run.process.Start();
        run.process.BeginOutputReadLine();
        run.process.BeginErrorReadLine();
        return run;
    }

    public async Task<IReadOnlyList<ReadyRow>> WaitForReadyTableAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains("Every resource is healthy"))
        {
            if (process.HasExited) throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No ready table within {timeout}:\n{Output}");
            await Task.Delay(250);
        }
        await Task.Delay(500); // the table's lines follow the announcement
        lock (lines)
        {
            return lines.SkipWhile(line => !line.Contains("Every resource is healthy")).Skip(3)
                .TakeWhile(line => line.StartsWith('|'))
                .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
                .Select(cells => new ReadyRow(cells[1], cells[2], int.TryParse(cells[3], out var pid) ? pid : null, cells[4]))
                .ToList();
        }
    }

    /// <summary>The AppHost and every process under it now, plus any seen earlier (a re-parented orphan stays on the list).</summary>
    public IReadOnlyCollection<ProcessIdentity> ProcessesSoFar(IEnumerable<int> alsoThese)
    {
        foreach (var pid in alsoThese.Append(process.Id))
            if (ProcessIdentity.Of(pid) is { } identity) seen.Add(identity);
        foreach (var descendant in ProcessTree.Descendants(process.Id)) seen.Add(descendant);
        return seen;
    }

    public void Signal(int signal) => Libc.Signal(process.Id, signal);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try { await process.WaitForExitAsync().WaitAsync(timeout); return true; }
        catch (TimeoutException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        var leftovers = process.HasExited ? seen : ProcessesSoFar([]);
        foreach (var leftover in leftovers.Where(p => p.IsAlive)) Libc.Signal(leftover.Pid, Libc.SIGKILL);
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private static bool IsAppHostInput(string name) =>
        new[] { "AppHost__", "ConnectionStrings__", "Parameters__" }.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private void Add(string? line)
    {
        if (line is null) return;
        lock (lines) lines.Add(line);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "StrategyPlatform.sln"))) return folder.FullName;
        throw new InvalidOperationException("StrategyPlatform.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"\.Add(Postgres|RabbitMQ|Project)\(""([^""]+)""")]
    private static partial Regex DeclarationPattern();
}
