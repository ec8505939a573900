using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.Operator;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// The platform's databases lost and restored (issue 12, "Operating it"): what people made through the APIs, partners'
/// answers, media events and their revisions, a value a responsible unit entered, is backed up database by database
/// with the operator's command, restored into a fresh platform (a new PostgreSQL data folder, a new broker) whose
/// services are stopped meanwhile, and reads back the same through the APIs: every indicator as the dashboard lists
/// it, the measured indicator with its values, each survey's results, each media event with its history. A restore
/// with the service's own credentials, or while the service runs, is refused before it changes anything, saying what it needs.
/// </summary>
public sealed class BackupRestore : IFaultScenario
{
    private const int Year = 2025;
    private const string MeasuredIndicator = "1";
    private static readonly string[] Databases = [Harness.Databases.Surveys, Harness.Databases.Media, Harness.Databases.Kpi, "portaldb"];

    public string Name => "backup-restore";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var source = context.Platform;
        var answers = await AnswerLoad.RunAsync(context, Name, Year, scale.BackupAnswers, scale.Concurrency, RetryRule.Never, _ => Task.CompletedTask, ct);
        var events = await LogAndReviseAsync(source, scale.BackupMediaEvents, scale.Concurrency, ct);
        using (var unit = source.Client(Resources.Kpi, [StaffRoles.IndicatorOwner], units: ["PDPD"]))
        {
            (await unit.PostAsJsonAsync($"/api/kpi/indicators/{MeasuredIndicator}/measurements",
                new { year = Year, value = 12, comment = "HOP 2025", source = "HORIZON", reason = "Backup and restore" }, ct)).EnsureSuccessStatusCode();
        }
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);
        var before = await ReadAsync(source, answers.Surveys, events);

        var folder = TestFolders.Create("backups");
        var violations = new List<string>();
        try
        {
            foreach (var database in Databases)
            {
                await DatabaseBackup.BackupAsync(await AdministratorAsync(source, database), DumpOf(folder, database), ct);
            }
            var backedUp = clock.Elapsed;
            await using var fresh = await FaultPlatform.StartAsync(replicas: 1);
            violations.AddRange(await RefusalsAsync(fresh, DumpOf(folder, Harness.Databases.Surveys), ct));
            var restoreClock = Stopwatch.StartNew();
            await Task.WhenAll(Resources.Services.Append(Resources.Web).Select(service => fresh.StopAsync(fresh.InstancesOf(service).Single())));
            foreach (var database in Databases)
            {
                await DatabaseBackup.RestoreAsync(await AdministratorAsync(fresh, database), DumpOf(folder, database), ct);
            }
            // The portal last, as the application model starts it: after the services it calls.
            await Task.WhenAll(Resources.Services.Select(service => fresh.StartAsync(fresh.InstancesOf(service).Single())));
            await fresh.StartAsync(fresh.InstancesOf(Resources.Web).Single());
            var restoredIn = restoreClock.Elapsed;
            var after = await ReadAsync(fresh, answers.Surveys, events);
            violations.AddRange(before.Keys.Where(read => after[read] != before[read]).Select(read => $"after the restore {read} differs: {Difference(before[read], after[read])}"));

            // Then counted on the restored platform as every scenario counts: each answer and event there once, on the drill-downs too.
            var figures = await new ResponseTally(fresh, new Settling(fresh)).CountAsync(Name, answers.Ledger, answers.Surveys)
                + await new MediaEventTally(fresh).CountAsync(Name, events);
            var notes = new List<string>
            {
                $"{Databases.Length} databases backed up {backedUp.TotalSeconds:0} s into the scenario; the fresh platform started in {fresh.StartedIn.TotalSeconds:0} s; "
                + $"its services stopped, restored and started again in {restoredIn.TotalSeconds:0} s; {before.Count} reads compared; {clock.Elapsed.TotalSeconds:0} s in all",
            };
            return new ScenarioResult(figures, notes, violations);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    /// <summary>Media events logged and each revised once (a new title's day and type), so each has a history of two.</summary>
    private static async Task<Ledger> LogAndReviseAsync(FaultPlatform platform, int count, int concurrency, CancellationToken ct)
    {
        using var communications = platform.Client(Resources.MediaEvents, [StaffRoles.Communications]);
        var events = new Ledger();
        var markers = Enumerable.Range(0, count).Select(i => FaultContext.Marker("backup-restore", i)).ToList();
        await LoadClient.RunAsync(markers, m => m, m => MediaEventRequests.Create(m, Year), communications, events, concurrency, RetryRule.Never, ct, MediaEventRequests.ReadIdAsync);
        foreach (var e in events.All)
        {
            using var revised = await communications.SendAsync(MediaEventRequests.Revise(e.CreatedId!.Value, e.Marker, Year, "PressRelease", version: 1), ct);
            revised.EnsureSuccessStatusCode();
        }
        return events;
    }

    /// <summary>What leadership, survey managers and the communications unit read, by what they read it with.</summary>
    private static async Task<Dictionary<string, string>> ReadAsync(FaultPlatform platform, IReadOnlyList<Guid> surveys, Ledger events)
    {
        using var leadership = platform.Client(Resources.Kpi, [StaffRoles.Leadership]);
        using var manager = platform.Client(Resources.Surveys, [StaffRoles.SurveyManager]);
        using var communications = platform.Client(Resources.MediaEvents, [StaffRoles.Communications]);
        var reads = new Dictionary<string, string>
        {
            ["the indicator list"] = await TextAsync(leadership, "/api/kpi/indicators"),
            [$"indicator {MeasuredIndicator}"] = await TextAsync(leadership, $"/api/kpi/indicators/{MeasuredIndicator}"),
        };
        foreach (var survey in surveys)
        {
            reads[$"the results of survey {survey}"] = await TextAsync(manager, $"/api/surveys/{survey}/results");
        }
        foreach (var id in events.All.Select(e => e.CreatedId!.Value))
        {
            reads[$"media event {id} with its history"] = await TextAsync(communications, $"/api/media-events/{id}");
        }
        return reads;
    }

    private static async Task<string> TextAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetRawText();

    /// <summary>
    /// Two restores refused before they change anything, each saying what it needs: with the service's own role (which
    /// may not hand the audit trail to its keeper), and as the administrator while the service still runs.
    /// </summary>
    private static async Task<IEnumerable<string>> RefusalsAsync(FaultPlatform fresh, string dump, CancellationToken ct)
    {
        var violations = new List<string>();
        foreach (var (who, connectionString, expected) in new[]
        {
            ("with the service's own role", await fresh.ConnectionStringAsync(Harness.Databases.Surveys), "superuser"),
            ("while the service runs", await AdministratorAsync(fresh, Harness.Databases.Surveys), "stop the service"),
        })
        {
            try
            {
                await DatabaseBackup.RestoreAsync(connectionString, dump, ct);
                violations.Add($"a restore {who} was not refused");
            }
            catch (OperatorException e)
            {
                FaultLog.Write($"A restore {who} was refused: {e.Message}");
                if (!e.Message.Contains(expected, StringComparison.Ordinal))
                {
                    violations.Add($"a restore {who} was refused without saying what it needs: {e.Message}");
                }
            }
        }
        return violations;
    }

    /// <summary>The server's superuser (the <c>postgres</c> resource's connection string) in <paramref name="database"/>.</summary>
    private static async Task<string> AdministratorAsync(FaultPlatform platform, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(Resources.Postgres)) { Database = database }.ConnectionString;

    private static string DumpOf(string folder, string database) => Path.Combine(folder, $"{database}.dump");

    private static string Difference(string before, string after)
    {
        var at = before.Zip(after).TakeWhile(pair => pair.First == pair.Second).Count();
        string Around(string text) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 160));
        return $"before …{Around(before)}… after …{Around(after)}…";
    }
}
