using System.Diagnostics;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// A service stopped the way an orchestrator stops it for an update (SIGTERM to its process) finishes what it has
/// started. The Surveys service is stopped while partners answer, with answers sure to be in its hands at the signal
/// (held inside it on their survey's row lock, which the suite lets go once the service has begun to stop): every
/// request in flight at the signal is answered 2xx (a service that ends at once, ShutdownTimeout zero, fails here:
/// tried, 8 of 8 dropped), one that comes too late gets no answer and nothing of it is kept (the respondent's client asks again with the same
/// key once the service is back), so no answer is saved without its respondent being told; its dispatcher finishes
/// the batch in hand, so no answer's message is published twice (each copy on the broker is recorded). Then the
/// aggregator is stopped while media events' messages flow to it: the messages it is consuming are finished and
/// acknowledged, so after its restart none comes back to an inbox that had already applied it (its log names each
/// duplicate it skips; one message sent twice on purpose shows the log does). Everything counted once.
/// </summary>
public sealed class GracefulShutdown : IFaultScenario
{
    private const int Year = 2024;

    public string Name => "graceful-shutdown";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var notes = new List<string>();
        var violations = new List<string>();
        var answers = await StopSurveysWhileAnsweringAsync(context, scale, notes, violations, ct);
        var events = await StopAggregatorWhileConsumingAsync(context, scale, notes, violations, ct);
        return new ScenarioResult(answers + events, notes, violations);
    }

    private async Task<FaultFigures> StopSurveysWhileAnsweringAsync(FaultContext context, Scale scale, List<string> notes, List<string> violations, CancellationToken ct)
    {
        var platform = context.Platform;
        var surveys = platform.InstancesOf(Resources.Surveys).Single();
        await using var copies = await MessageCopies.TapAsync(await platform.ConnectionStringAsync(Resources.Messaging), typeof(SurveyResponseSubmitted));
        var count = scale.GracefulShutdownSubmissions;
        var stop = default(Stop);
        var run = await AnswerLoad.RunAsync(context, Name, Year, count, scale.Concurrency, RetryRule.UntilAnswered(), async ledger =>
        {
            await AnswerLoad.WhenSubmittedAsync(ledger, count / 3);
            stop = await StopWithAnswersInItsHandsAsync(context, surveys, scale.Concurrency, ct);
        }, ct);
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);
        var figures = await context.Responses.CountAsync(Name, run.Ledger, run.Surveys);

        var attempts = run.Ledger.All.SelectMany(s => s.Attempts).ToList();
        var inFlight = attempts.Where(a => a.InFlightAt(stop.Signalled)).ToList();
        var answered = inFlight.Count(a => a.Succeeded);
        var failing = attempts.Where(a => a.Status is >= 500).ToList();
        var keptUntold = await context.Databases.AnswersKeptAsync(run.Surveys, run.Ledger.All.Where(s => !s.Accepted).Select(s => s.Marker));
        var published = (await copies.DrainAsync()).GroupBy(m => m.Properties.MessageId).ToList();
        var twice = published.Count(g => g.Count() > 1);
        notes.Add($"Surveys exited {stop.ExitedIn.TotalSeconds:0.0} s after SIGTERM; {inFlight.Count} request(s) in flight at the signal ({stop.Held} of them waiting in it for the survey's lock), {answered} of them answered 2xx; "
            + $"{attempts.Count(a => a.Status is null)} attempt(s) got no answer (each asked again with its key); {published.Count} answer message(s) on the broker");
        if (answered < inFlight.Count || answered == 0)
        {
            violations.Add($"{inFlight.Count - answered} of the {inFlight.Count} request(s) in flight at SIGTERM got no success: the service dropped requests it had started");
        }
        if (failing.Count > 0)
        {
            violations.Add($"{failing.Count} request(s) were answered 5xx while the service stopped: {string.Join(", ", failing.GroupBy(a => a.Status).Select(g => $"{g.Key} ×{g.Count()}"))}");
        }
        if (keptUntold > 0)
        {
            violations.Add($"{keptUntold} answer(s) were saved although the respondent got no success (cut off after the commit)");
        }
        if (twice > 0)
        {
            violations.Add($"{twice} answer message(s) were published more than once: the dispatcher stopped between publishing and marking a row");
        }
        return figures;
    }

    private async Task<FaultFigures> StopAggregatorWhileConsumingAsync(FaultContext context, Scale scale, List<string> notes, List<string> violations, CancellationToken ct)
    {
        var platform = context.Platform;
        var aggregator = platform.InstancesOf(Resources.Kpi).Single();
        await using var log = ConsoleWatch.Start(platform, aggregator, line => line.Contains("skipping the duplicate", StringComparison.Ordinal));
        await using var copies = await MessageCopies.TapAsync(await platform.ConnectionStringAsync(Resources.Messaging), typeof(MediaEventRecorded));
        var events = new Ledger();
        var markers = Enumerable.Range(0, scale.GracefulShutdownMediaEvents).Select(i => FaultContext.Marker(Name, i)).ToList();
        long countedAtSignal;
        using (var communications = platform.Client(Resources.MediaEvents, [StaffRoles.Communications]))
        {
            var load = LoadClient.RunAsync(markers, m => m, m => MediaEventRequests.Create(m, Year), communications, events, scale.Concurrency,
                RetryRule.UntilAnswered(), ct, MediaEventRequests.ReadIdAsync);
            // Stopped once it has counted some of them: the ones behind are on their way to it, or in its hands.
            countedAtSignal = await Eventually.ReturnsAsync(() => CountedAsync(context, events), counted => counted >= markers.Count / 4,
                TimeSpan.FromMinutes(2), because: "the aggregator counted none of the media events");
            var stoppedIn = await TerminateAsync(platform, aggregator);
            var countedAtExit = await CountedAsync(context, events);
            await load;
            await platform.StartAsync(aggregator);
            notes.Add($"the aggregator exited {stoppedIn.TotalSeconds:0.0} s after SIGTERM, with {countedAtSignal} of the media events counted at the signal and {countedAtExit} at its exit");
        }
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);
        var figures = await context.MediaEvents.CountAsync(Name, events);

        var ids = events.All.Select(e => e.CreatedId?.ToString()).OfType<string>().ToArray();
        var messageIds = (await context.Databases.QueryAsync<Guid>(Databases.Media, "SELECT id FROM outbox_messages WHERE partition_key = ANY(@ids)", new { ids }))
            .Select(id => id.ToString()).ToList();
        // The check must be able to see a duplicate: one message sent again on purpose has to show in the log. Since the
        // log arrives in order, it also marks that every line about the earlier messages has arrived.
        var control = (await copies.DrainAsync()).First(m => messageIds.Contains(m.Properties.MessageId!));
        await copies.PublishAgainAsync([control], times: 1);
        var controlId = control.Properties.MessageId!;
        try
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(log.Kept.Any(line => line.Contains(controlId, StringComparison.OrdinalIgnoreCase))), seen => seen,
                TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            violations.Add($"a media-event message sent twice on purpose ({controlId}) did not show in the aggregator's log as a skipped duplicate: the check cannot see one");
        }
        var halfHandled = messageIds.Where(id => id != controlId).Count(id => log.Kept.Any(line => line.Contains(id, StringComparison.OrdinalIgnoreCase)));
        if (halfHandled > 0)
        {
            violations.Add($"{halfHandled} media-event message(s) came back to the aggregator after it had applied them: they were consumed but not acknowledged at the stop");
        }
        return figures;
    }

    private readonly record struct Stop(DateTime Signalled, long Held, TimeSpan ExitedIn);

    /// <summary>
    /// Requests in the service's hands for sure: the partners' next answers wait inside it for their survey's row lock,
    /// which the suite holds while it sends SIGTERM and until the service has begun to stop (its own port refuses new
    /// connections). Then it lets them go on, waits for the process to exit, and starts the service again.
    /// </summary>
    private static async Task<Stop> StopWithAnswersInItsHandsAsync(FaultContext context, string surveys, int concurrency, CancellationToken ct)
    {
        var platform = context.Platform;
        await platform.WaitReadyAsync(surveys);
        var process = platform.ProcessOf(surveys);
        var own = ListeningAddress(process.Pid);
        var clock = new Stopwatch();
        try
        {
            await using var hold = await HoldSurveysAsync(context, ct);
            var held = await Eventually.ReturnsAsync(() => context.Databases.ScalarAsync<long>(Databases.Surveys,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"),
                waiting => waiting >= concurrency, TimeSpan.FromSeconds(60), because: "the answers did not reach the survey's lock");
            var signalled = DateTime.UtcNow;
            clock.Start();
            await platform.SignalAsync(surveys, Signals.SIGTERM);
            await Eventually.ReturnsAsync(() => AcceptsConnectionsAsync(own), accepts => !accepts,
                TimeSpan.FromSeconds(30), because: $"{surveys} kept accepting connections on {own} after SIGTERM");
            await hold.DisposeAsync();
            await ExitAsync(surveys, process);
            return new Stop(signalled, held, clock.Elapsed);
        }
        finally
        {
            if (clock.IsRunning)
            {
                await platform.StartAsync(surveys);
            }
        }
    }

    /// <summary>Where a service's own process listens (DCP's proxy in front of it listens elsewhere): its <c>ASPNETCORE_URLS</c>.</summary>
    private static Uri ListeningAddress(int pid)
    {
        const string Urls = "ASPNETCORE_URLS=";
        var urls = File.ReadAllText($"/proc/{pid}/environ").Split('\0').FirstOrDefault(v => v.StartsWith(Urls, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Process {pid} has no {Urls[..^1]}.");
        return new Uri(urls[Urls.Length..].Split(';')[0]);
    }

    /// <summary>Holds the row lock of every open survey of the scenario's year, as an answer's transaction takes it, until disposed.</summary>
    private static async Task<NpgsqlConnection> HoldSurveysAsync(FaultContext context, CancellationToken ct)
    {
        // Unpooled: disposing the connection closes it, which ends the transaction and the lock with it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await context.Platform.ConnectionStringAsync(Databases.Surveys)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        await using var lockRows = new NpgsqlCommand("SELECT count(*) FROM (SELECT id FROM surveys WHERE year = $1 AND state = 'Open' FOR UPDATE) locked", connection, transaction)
        {
            Parameters = { new() { Value = Year } },
        };
        await lockRows.ExecuteScalarAsync(ct);
        return connection;
    }

    /// <summary>Whether a new TCP connection to the service's own port (not DCP's proxy) is taken.</summary>
    private static async Task<bool> AcceptsConnectionsAsync(Uri service)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(service.Host, service.Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM to the instance's process; returns once the process is gone, with how long it took.</summary>
    private static async Task<TimeSpan> TerminateAsync(FaultPlatform platform, string instance)
    {
        var clock = Stopwatch.StartNew();
        await ExitAsync(instance, await platform.SignalAsync(instance, Signals.SIGTERM));
        return clock.Elapsed;
    }

    private static Task ExitAsync(string instance, ProcessIdentity process) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Directory.Exists($"/proc/{process.Pid}")), alive => !alive, TimeSpan.FromSeconds(90),
            because: $"{instance} (pid {process.Pid}) did not exit after SIGTERM");

    private static Task<long> CountedAsync(FaultContext context, Ledger events)
    {
        var ids = events.All.Select(e => e.CreatedId).OfType<Guid>().ToArray();
        return context.Databases.ScalarAsync<long>(Databases.Kpi, "SELECT count(*) FROM media_event_facts WHERE media_event_id = ANY(@ids)", new { ids });
    }
}
