using StrategyPlatform.FaultSuite.Harness;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Scenarios;

/// <summary>
/// 7. A backlog: the aggregator is stopped while answers pile up in its queue, then started. It drains the
/// queue with its memory bounded (the peak RSS is printed), and respondents answering meanwhile are served as
/// fast as ever (p99 under 200 ms): the aggregator's catching up is not their wait.
/// </summary>
public sealed class Backlog : IFaultScenario
{
    private const int Year = 2024;
    private const double MaxSubmitP99Ms = 200;
    private const long MaxAggregatorRssMb = 400;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(15);

    public string Name => "backlog";

    public async Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct)
    {
        var platform = context.Platform;
        var aggregators = platform.InstancesOf(Resources.Kpi);
        foreach (var aggregator in aggregators)
        {
            await platform.StopAsync(aggregator);
        }
        var queued = await AnswerLoad.RunAsync(context, Name, Year, scale.BacklogMessages, scale.Concurrency, RetryRule.Never, _ => Task.CompletedTask, ct);
        await Eventually.ReturnsAsync(() => context.Databases.PendingOutboxAsync(Databases.Surveys), pending => pending == 0, TimeSpan.FromMinutes(5),
            because: "the answers' messages did not all reach the broker");

        // Respondents keep answering, one every 50 ms, while the aggregator starts and drains.
        var links = await context.Respondents.OpenPartnerSurveysAsync(Year, scale.BacklogRespondents);
        var meanwhile = new Ledger();
        using var respondent = platform.Client(Resources.Surveys, timeout: TimeSpan.FromSeconds(30));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answering = LoadClient.RunAsync(links.Select((link, i) => (Link: link, Marker: FaultContext.Marker(Name + "-meanwhile", i))).ToList(), m => m.Marker,
            m => Respondents.Answer(m.Link, m.Marker), respondent, meanwhile, concurrency: 4, RetryRule.Never, ct, pace: TimeSpan.FromMilliseconds(50));
        await Task.WhenAll(aggregators.Select(platform.StartAsync));
        var surveys = queued.Surveys.Concat(links.Select(l => l.SurveyId)).Distinct().ToArray();
        await answering;
        var answers = queued.Ledger.Accepted + meanwhile.Accepted;
        await Eventually.ReturnsAsync(() => context.Databases.ScalarAsync<long>(Databases.Kpi, "SELECT count(*) FROM survey_response_facts WHERE survey_id = ANY(@surveys)", new { surveys }),
            facts => facts >= answers, DrainTimeout, because: "the aggregator did not drain its backlog");
        var drained = clock.Elapsed;
        var peakRss = aggregators.Max(a => PeakRssMb(platform.ProcessOf(a).Pid));
        await context.Settling.SettleAsync(FaultContext.SettleTimeout);

        var figures = await context.Responses.CountAsync(Name, queued.Ledger, queued.Surveys)
            + await context.Responses.CountAsync(Name, meanwhile, [.. links.Select(l => l.SurveyId).Distinct()]);
        var p99 = Ledger.Percentile(meanwhile.SuccessLatencies(), 99);
        var violations = new List<string>();
        if (scale.JudgesLatency && p99 > MaxSubmitP99Ms)
        {
            violations.Add($"respondents' submit p99 was {p99:0} ms while the aggregator drained (target < {MaxSubmitP99Ms:0} ms)");
        }
        if (peakRss > MaxAggregatorRssMb)
        {
            violations.Add($"the aggregator's peak RSS was {peakRss} MB (bound {MaxAggregatorRssMb} MB)");
        }
        return new ScenarioResult(figures,
            [$"{queued.Ledger.Accepted} answers queued with the aggregator stopped, drained in {drained.TotalSeconds:0} s; aggregator peak RSS {peakRss} MB; respondents meanwhile p99 {p99:0} ms ({meanwhile.Accepted} answers{(scale.JudgesLatency ? "" : "; target judged at full scale")})"],
            violations);
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    private static long PeakRssMb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb ? long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1024 : 0;
}
