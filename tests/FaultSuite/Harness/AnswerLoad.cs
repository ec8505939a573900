using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>Partners answering through their links while a fault happens beside them.</summary>
public static class AnswerLoad
{
    public sealed record Run(Ledger Ledger, IReadOnlyList<Guid> Surveys);

    /// <summary>
    /// Opens enough partner surveys of <paramref name="year"/>, then submits <paramref name="count"/> answers with
    /// <paramref name="concurrency"/> in flight while <paramref name="fault"/> runs; returns once both are done.
    /// </summary>
    public static async Task<Run> RunAsync(FaultContext context, string scenario, int year, int count, int concurrency, RetryRule retry,
        Func<Ledger, Task> fault, CancellationToken ct, TimeSpan? pace = null)
    {
        var links = await context.Respondents.OpenPartnerSurveysAsync(year, count);
        var ledger = new Ledger();
        using var respondent = context.Platform.Client(Resources.Surveys, timeout: TimeSpan.FromSeconds(30));
        var markers = links.Select((link, i) => (Link: link, Marker: FaultContext.Marker(scenario, i))).ToList();
        var load = LoadClient.RunAsync(markers, m => m.Marker, m => Respondents.Answer(m.Link, m.Marker, overall: 5), respondent, ledger,
            concurrency, retry, ct, pace: pace);
        var injected = fault(ledger);
        await Task.WhenAll(load, injected);
        return new Run(ledger, [.. links.Select(l => l.SurveyId).Distinct()]);
    }

    /// <summary>Returns once <paramref name="count"/> submissions have been started.</summary>
    public static Task WhenSubmittedAsync(Ledger ledger, int count) =>
        Eventually.ReturnsAsync(() => Task.FromResult(ledger.Count), n => n >= count, TimeSpan.FromMinutes(10), because: "the load stalled");
}
