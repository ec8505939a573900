using System.Net;
using StrategyPlatform.AppHost.Hosting;
using Xunit.Abstractions;

namespace StrategyPlatform.AppHost.Tests;

public sealed class Starting_the_platform(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly string folder = TestFolder.Create("platform");
    private AppHostRun? run;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (run is not null)
        {
            output.WriteLine(run.Output);
            await run.DisposeAsync();
        }
        TestFolder.Delete(folder);
    }

    [Fact]
    public async Task Every_resource_answers_healthy_and_ctrl_c_leaves_no_process()
    {
        run = AppHostRun.Start(folder);
        var table = await run.WaitForReadyTableAsync(ReadyTimeout);

        var projects = AppHostRun.DeclaredResources().Where(r => r.Kind == "Project").Select(r => r.Name).ToList();
        Assert.Equal(projects.Order(), table.Where(row => row.Url.StartsWith("http://127.0.0.1:")).Select(row => row.Name).Order());
        Assert.All(table, row => Assert.Equal("Running", row.State));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var project in table.Where(row => projects.Contains(row.Name)))
        {
            using var health = await http.GetAsync($"{project.Url}/health");
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"{project.Name}: GET /health answered {health.StatusCode}");
        }
        if (projects.Contains("web")) Assert.Contains("First Administrator: admin@lm.gov.lv / ", run.Output);
        var processes = run.ProcessesSoFar(table.Select(row => row.ProcessId).OfType<int>()).ToList();

        run.Signal(Libc.SIGINT);

        Assert.True(await run.WaitForExitAsync(StopTimeout), $"The AppHost did not exit within {StopTimeout} of Ctrl+C.");
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(processes.Where(process => process.IsAlive).Select(process => $"{process.Pid} {ProcessTree.CommandLine(process.Pid)}"));
    }

    [Fact]
    public async Task A_project_that_crashes_stops_everything_with_a_failing_exit_code()
    {
        run = AppHostRun.Start(folder);
        var table = await run.WaitForReadyTableAsync(ReadyTimeout);
        var processes = run.ProcessesSoFar(table.Select(row => row.ProcessId).OfType<int>()).ToList();
        var crashing = table.First(row => row.Url.StartsWith("http://"));

        Libc.Signal(crashing.ProcessId!.Value, Libc.SIGKILL);

        Assert.True(await run.WaitForExitAsync(StopTimeout), $"The AppHost did not exit within {StopTimeout} of {crashing.Name} crashing.");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{crashing.Name} exited unexpectedly", run.Output);
        Assert.Empty(processes.Where(process => process.IsAlive).Select(process => $"{process.Pid} {ProcessTree.CommandLine(process.Pid)}"));
    }
}
