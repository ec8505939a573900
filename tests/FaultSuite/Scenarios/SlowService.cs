using System.Net.Http.Json;
using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 10. The services answer slower than their clients wait: MediaEvents and Surveys are frozen (SIGSTOP) for longer
/// than the client's timeout, again and again, while media events and open-link answers are being created. The
/// client gives up and sends again under the same idempotency key, as the portal does; the frozen first request
/// then commits. Every media event and every answer created that way exists once and is counted once.
/// </summary>
public sealed class SlowService : IFaultScenario
{
    private const int Year = 2024;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Frozen = TimeSpan.FromSeconds(3);
    /// <summary>Under the open link's rate limit (60 a minute per survey).</summary>
    private const int AnswersPerSurvey = 40;

    public string Name => "slow-service";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        var count = scale.SlowServiceCreates;
        using var communications = platform.Client(Resources.MediaEvents, [StaffRoles.Communications], ClientTimeout);
        using var respondent = platform.Client(Resources.Surveys, timeout: ClientTimeout);
        var surveys = new List<Guid>();
        for (var i = 0; i < (count + AnswersPerSurvey - 1) / AnswersPerSurvey; i++)
        {
            surveys.Add(await context.Respondents.OpenCampaignSurveyAsync(Year));
        }
        var events = new Ledger();
        var answers = new Ledger();
        var markers = Enumerable.Range(0, count).Select(i => FaultContext.Marker(Name, i)).ToList();
        var retry = RetryRule.UntilAnswered();
        // Paced so that the load spans several freezes.
        var pace = TimeSpan.FromMilliseconds(Math.Max(50, 12_000 / count));
        using var freezing = new CancellationTokenSource();
        var freezes = 0;
        var freezer = Task.Run(async () =>
        {
            while (!freezing.IsCancellationRequested)
            {
                var victims = platform.InstancesOf(Resources.MediaEvents).Concat(platform.InstancesOf(Resources.Surveys)).ToList();
                await Task.WhenAll(victims.Select(v => platform.SignalAsync(v, Signals.SIGSTOP)));
                freezes++;
                await Task.Delay(Frozen, CancellationToken.None);
                await Task.WhenAll(victims.Select(v => platform.SignalAsync(v, Signals.SIGCONT)));
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }, CancellationToken.None);
        try
        {
            await Task.WhenAll(
                LoadClient.RunAsync(markers, m => m, m => MediaEventRequests.Create(m, Year), communications, events, scale.Concurrency, retry, ct,
                    MediaEventRequests.ReadIdAsync, pace),
                LoadClient.RunAsync(markers.Select((m, i) => (Marker: m, Survey: surveys[i / AnswersPerSurvey])).ToList(), m => m.Marker,
                    m => new HttpRequestMessage(HttpMethod.Post, $"/api/open/{m.Survey}") { Content = JsonContent.Create(Respondents.OpenAnswer(m.Marker)) },
                    respondent, answers, scale.Concurrency, retry, ct, pace: pace));
        }
        finally
        {
            await freezing.CancelAsync();
            await freezer;
        }
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.MediaEvents.CountAsync(Name, events) + await context.Responses.CountAsync(Name, answers, surveys);
        var timedOut = events.All.Concat(answers.All).Count(s => s.Attempts.Any(a => a.Status is null));
        List<string> violations = timedOut > 0 ? [] : ["no request timed out: the scenario did not make the services slower than the client"];
        return new ScenarioResult(figures, [$"{freezes} freeze(s) of {Frozen.TotalSeconds:0} s against a {ClientTimeout.TotalSeconds:0} s client timeout; {timedOut} creation(s) sent again after a timeout"], violations);
    }
}
