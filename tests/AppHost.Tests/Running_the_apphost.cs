using System.Net;
using StrategyPlatform.TestSupport;
using Xunit.Abstractions;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>The AppHost as a user runs it (<c>dotnet run --project AppHost</c>), read from its console, stopped as a terminal or a service manager stops it.</summary>
public sealed class Running_the_apphost(ITestOutputHelper output) : IDisposable
{
    private const int SIGTERM = 15;
    private const int SIGKILL = 9;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);
    private static readonly string[] Resources = ["postgres", "surveysdb", "mediadb", "kpidb", "portaldb", "messaging-epmd", "messaging", "mail", "surveys", "mediaevents", "kpi", "web", "dashboard"];
    private readonly string folder = TestFolders.Create("apphost");

    [Fact]
    public async Task Prints_one_table_once_healthy_shows_a_generated_secret_only_once_and_leaves_no_process_when_stopped_or_killed()
    {
        // First run, on a new data folder: the table, the dashboard's sign-in link, the first Administrator's password.
        await using (var first = AppHostProcess.Start(folder))
        {
            var table = await SummaryOrOutputAsync(first);
            Assert.Equal(Resources, table.Select(row => row.Resource));
            Assert.All(table, row => Assert.Equal("Healthy", row.State));
            Assert.Matches(@"^http://localhost:\d+/login\?t=[0-9a-f]+$", table.Single(row => row.Resource == "dashboard").Url);
            using (var http = new HttpClient())
            {
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{table.Single(row => row.Resource == "web").Url}/health")).StatusCode);
            }
            Assert.Matches(@"First Administrator: admin@lm\.gov\.lv / \S+ \(generated now and shown this once; kept in .+parameters\.json\)", first.Output);
            Assert.DoesNotContain("fail:", first.Output);
            Assert.DoesNotContain("warn:", first.Output);
            var processes = ProcessTree.OfAppHost(first.Id);
            Assert.Contains(processes, p => p.CommandLine.Contains("dcp start-apiserver"));
            Assert.Contains(processes, p => p.CommandLine.Contains("Aspire.Dashboard"));
            Assert.Contains(processes, p => p.CommandLine.Contains("StrategyPlatform.Portal"));

            first.Signal(SIGTERM);

            Assert.True(await first.WaitForExitAsync(StopTimeout), $"The AppHost did not exit within {StopTimeout} of SIGTERM.");
            // Every server, service and the dashboard are stopped when the AppHost returns; DCP itself ends a moment later.
            Assert.DoesNotContain(processes, p => p.IsAlive && !p.CommandLine.Contains("aspire.hosting.orchestration"));
            await Eventually.ReturnsAsync(() => Task.FromResult(string.Join("; ", processes.Where(p => p.IsAlive))), alive => alive == "",
                TimeSpan.FromSeconds(30), because: "DCP outlived the AppHost");
        }

        // Second run, same folder: the same secrets, and the password is not printed again.
        await using var second = AppHostProcess.Start(folder);
        await SummaryOrOutputAsync(second);
        Assert.Matches(@"First Administrator: admin@lm\.gov\.lv, password kept in .+parameters\.json", second.Output);
        Assert.DoesNotMatch(@"admin@lm\.gov\.lv / ", second.Output);
        var secondProcesses = ProcessTree.OfAppHost(second.Id);

        // Killed outright (no chance to stop anything): DCP, which watches the AppHost's pid, stops everything.
        second.Signal(SIGKILL);

        await Eventually.ReturnsAsync(() => Task.FromResult(string.Join("; ", secondProcesses.Where(p => p.IsAlive))), alive => alive == "",
            StopTimeout, because: "processes outlived a killed AppHost");
        Assert.Empty(ProcessTree.UsingFolder(folder));
    }

    public void Dispose() => TestFolders.Delete(folder);

    private async Task<IReadOnlyList<SummaryRow>> SummaryOrOutputAsync(AppHostProcess run)
    {
        try
        {
            return await run.WaitForSummaryAsync(StartTimeout);
        }
        finally
        {
            output.WriteLine(run.Output);
        }
    }
}
