using System.Text.Json;
using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.Operator;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 5. A message that always fails: the aggregator's database refuses the facts of one survey (a check constraint,
/// the kind of fault a bad migration or a data problem causes). Its answers' messages are retried, land in the
/// <c>_error</c> queue and are visible: the aggregator's <c>/health</c> turns Degraded naming the queue and the
/// count, and so does its state in the AppHost (the dashboard). The answers to another survey, behind them, keep
/// being counted. Once the fault is fixed, the operator's command moves the failed messages back and each is
/// counted once.
/// </summary>
public sealed class Poison : IFaultScenario
{
    private const int Year = 2024;
    private const string Constraint = "fault_suite_poison";

    public string Name => "poison";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        var aggregator = platform.InstancesOf(Resources.Kpi)[0];
        var poisoned = Math.Max(3, scale.PoisonSubmissions / 10);
        var poisonLinks = await context.Respondents.OpenPartnerSurveysAsync(Year, poisoned);
        var poisonSurvey = poisonLinks[0].SurveyId;
        await context.Databases.ExecuteAsync(Databases.Kpi,
            $"ALTER TABLE survey_response_facts ADD CONSTRAINT {Constraint} CHECK (survey_id <> '{poisonSurvey}')");
        var violations = new List<string>();
        try
        {
            var poison = new Ledger();
            using (var respondent = platform.Client(Resources.Surveys))
            {
                var items = poisonLinks.Take(poisoned).Select((link, i) => (Link: link, Marker: FaultContext.Marker(Name + "-failing", i))).ToList();
                await LoadClient.RunAsync(items, m => m.Marker, m => Respondents.Answer(m.Link, m.Marker), respondent, poison, scale.Concurrency, RetryRule.Never, ct);
            }
            // The messages behind them: another survey's answers, counted while the failed ones wait.
            var flowing = await AnswerLoad.RunAsync(context, Name, Year, scale.PoisonSubmissions, scale.Concurrency, RetryRule.Never, _ => Task.CompletedTask, ct);
            var flowingFacts = await Eventually.ReturnsAsync(
                () => context.Databases.ScalarAsync<long>(Databases.Kpi, "SELECT count(*) FROM survey_response_facts WHERE survey_id = ANY(@ids)", new { ids = flowing.Surveys.ToArray() }),
                n => n >= flowing.Ledger.Accepted, FaultContext.SettleTimeout, because: "the answers behind the failing ones were not counted");

            // Visible: the service's own health, and the AppHost's view of it (what the dashboard shows).
            using var replica = platform.ReplicaClient(aggregator);
            var health = await Eventually.ReturnsAsync(() => ServiceHealth.ReadAsync(replica),
                h => h is not null && FailedIn(h).Sum(q => q.Count) >= poison.Accepted, TimeSpan.FromMinutes(3),
                because: "the failed messages never showed in the aggregator's /health");
            var (queue, count) = FailedIn(health!).Single();
            if (health!.Status != "Degraded" || health.StatusCode != 200)
            {
                violations.Add($"/health said {health.Status} ({health.StatusCode}) with messages in {queue}; expected Degraded and still ready (200)");
            }
            var dashboard = await Eventually.ReturnsAsync(() => Task.FromResult(platform.HealthReportsOf(aggregator)),
                reports => reports.Any(r => r.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded && (r.Description ?? "").Contains(queue, StringComparison.Ordinal)),
                TimeSpan.FromMinutes(2), because: "the AppHost (dashboard) did not show the aggregator Degraded naming the queue");

            // The fault fixed, the operator moves them back.
            await context.Databases.ExecuteAsync(Databases.Kpi, $"ALTER TABLE survey_response_facts DROP CONSTRAINT {Constraint}");
            var moved = await ErrorQueueMove.MoveAsync(await platform.ConnectionStringAsync(Resources.Messaging), queue, ErrorQueueMove.SourceOf(queue), ct);
            await context.Settling.SettleAsync(FaultContext.SettleTimeout);
            await Eventually.ReturnsAsync(() => ServiceHealth.ReadAsync(replica), h => h is not null && !FailedIn(h).Any(), TimeSpan.FromMinutes(1),
                because: "the aggregator's /health still reports failed messages after they were moved back");

            var figures = await context.Responses.CountAsync(Name, poison, [poisonSurvey]) + await context.Responses.CountAsync(Name, flowing.Ledger, flowing.Surveys);
            if (moved != count)
            {
                violations.Add($"{count} failed messages were reported, {moved} moved back");
            }
            return new ScenarioResult(figures,
                [$"{count} message(s) in {queue} while {flowingFacts} answers behind them were counted; /health: {health.Checks["error-queues"].Description}", $"moved back: {moved}"],
                violations);
        }
        finally
        {
            await context.Databases.ExecuteAsync(Databases.Kpi, $"ALTER TABLE survey_response_facts DROP CONSTRAINT IF EXISTS {Constraint}");
        }
    }

    /// <summary>The error queues the aggregator's health names, with their counts.</summary>
    private static IReadOnlyList<(string Queue, int Count)> FailedIn(ServiceHealth health) =>
        health.Checks.TryGetValue("error-queues", out var check) && check.Data.ValueKind == JsonValueKind.Object
            ? [.. check.Data.EnumerateObject().Select(q => (q.Name, q.Value.GetInt32()))]
            : [];
}
