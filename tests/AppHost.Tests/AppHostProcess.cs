using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>One row of the table the AppHost prints once every resource is healthy: <c>| resource | state | url |</c>.</summary>
internal sealed record SummaryRow(string Resource, string State, string Url);

/// <summary>
/// The built AppHost run as a user runs it, on a data folder of the test's and on ports of its own
/// (the dashboard's from free loopback ports, the portal's and the servers' chosen by DCP).
/// </summary>
internal sealed partial class AppHostProcess : IAsyncDisposable
{
    private const string Healthy = "Every resource is healthy";
    private readonly Process process;
    private readonly List<string> lines = [];

    private AppHostProcess(Process process) => this.process = process;

    public int Id => process.Id;
    public int ExitCode => process.ExitCode;
    public string Output { get { lock (lines) { return string.Join('\n', lines); } } }

    public static AppHostProcess Start(string dataDirectory)
    {
        var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var appHost = Path.Combine(RepositoryRoot(), "AppHost", "bin", configuration, "net10.0", "StrategyPlatform.AppHost.dll");
        var info = new ProcessStartInfo("dotnet", [appHost])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
        };
        foreach (var name in info.Environment.Keys.Where(name => name.StartsWith("AppHost__", StringComparison.Ordinal)
            || name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || name.StartsWith("Parameters__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = configuration == "Debug" ? "Development" : "Production";
        info.Environment["AppHost__DataDirectory"] = dataDirectory;
        info.Environment["AppHost__Ports__web"] = "0";
        info.Environment["ASPNETCORE_URLS"] = $"http://localhost:{FreePorts.Next()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePorts.Next()}";

        var run = new AppHostProcess(new Process { StartInfo = info });
        run.process.OutputDataReceived += (_, e) => run.Add(e.Data);
        run.process.ErrorDataReceived += (_, e) => run.Add(e.Data);
        run.process.Start();
        run.process.StandardInput.Close();
        run.process.BeginOutputReadLine();
        run.process.BeginErrorReadLine();
        return run;
    }

    public async Task<IReadOnlyList<SummaryRow>> WaitForSummaryAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains("First Administrator"))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode}:\n{Output}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No summary within {timeout}:\n{Output}");
            }
            await Task.Delay(250);
        }
        lock (lines)
        {
            return [.. lines.SkipWhile(line => !line.StartsWith(Healthy, StringComparison.Ordinal))
                .SkipWhile(line => !line.StartsWith("| Resource", StringComparison.Ordinal)).Skip(2)
                .TakeWhile(line => line.StartsWith('|'))
                .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
                .Select(cells => new SummaryRow(cells[1], cells[2], cells[3]))];
        }
    }

    public void Signal(int signal) => _ = Kill(process.Id, signal);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whatever is still alive of it is killed, so a failed test leaves nothing behind either.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var leftover in ProcessTree.OfAppHost(process.Id).Where(p => p.IsAlive))
        {
            Kill(leftover.Pid, 9);
        }
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StrategyPlatform.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("StrategyPlatform.sln not found above the test's folder.");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
