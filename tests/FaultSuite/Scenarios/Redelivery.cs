using StrategyPlatform.Contracts;
using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 4. Messages delivered twice, and the aggregator killed after its effect but before its acknowledgement:
/// every answer's message is published again twice as it travelled (same bytes, same message id), every media
/// event's outbox row is marked unsent so the real dispatcher publishes it again (what a crash between publish
/// and "sent" leaves), and the aggregator is killed (SIGKILL) while it works through the copies, so messages it
/// has applied but not acknowledged come back. Each is counted once.
/// </summary>
public sealed class Redelivery : IFaultScenario
{
    private const int Year = 2027;

    public string Name => "redelivery";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        await using var copies = await MessageCopies.TapAsync(await platform.ConnectionStringAsync(Resources.Messaging), typeof(SurveyResponseSubmitted));
        var answers = await AnswerLoad.RunAsync(context, Name, Year, scale.RedeliverySubmissions, scale.Concurrency, RetryRule.Never, _ => Task.CompletedTask, ct);
        var events = new Ledger();
        using (var communications = platform.Client(Resources.MediaEvents, [StaffRoles.Communications]))
        {
            var markers = Enumerable.Range(0, scale.RedeliveryMediaEvents).Select(i => FaultContext.Marker(Name, i)).ToList();
            await LoadClient.RunAsync(markers, m => m, m => MediaEventRequests.Create(m, Year), communications, events, scale.Concurrency, RetryRule.Never, ct,
                MediaEventRequests.ReadIdAsync);
        }
        // Every original counted first, so what follows can only be copies.
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);
        var recorded = await copies.DrainAsync();

        await copies.PublishAgainAsync(recorded, times: 2);
        var ids = events.All.Select(e => e.CreatedId?.ToString()).OfType<string>().ToArray();
        await context.Databases.ExecuteAsync(Databases.Media,
            "UPDATE outbox_messages SET dispatched_at = NULL WHERE partition_key = ANY(@ids); SELECT pg_notify('outbox_pending', '')", new { ids });
        // Killed while it applies the copies: what it applied and did not acknowledge is delivered again after the restart.
        var aggregators = platform.InstancesOf(Resources.Kpi);
        await Eventually.ReturnsAsync(() => context.Databases.PendingOutboxAsync(Databases.Media), pending => pending < ids.Length, because: "the media events were not published again");
        await Task.WhenAll(aggregators.Select(a => platform.SignalAsync(a, Signals.SIGKILL)));
        await Task.WhenAll(aggregators.Select(platform.StartAsync));
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.Responses.CountAsync(Name, answers.Ledger, answers.Surveys) + await context.MediaEvents.CountAsync(Name, events);
        List<string> violations = recorded.Count >= answers.Ledger.Accepted ? [] : [$"only {recorded.Count} of {answers.Ledger.Accepted} answers' messages were seen on the broker"];
        return new ScenarioResult(figures, [$"{recorded.Count} answer messages published twice more, {ids.Length} media events re-published by the dispatcher, the aggregator killed meanwhile"], violations);
    }
}
