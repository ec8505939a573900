using System.Diagnostics;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// Many respondents answering a public campaign survey at once (the open-link API, validated against
/// the frozen version like every answer): accepted responses per second and the latency each
/// respondent sees, then how long the KPI aggregator takes to have counted them all.
/// </summary>
internal static class ResponseThroughput
{
    public static async Task RunAsync(BenchmarkPlatform platform, int responses, int concurrency, Report report)
    {
        var surveyId = await platform.OpenCampaignSurveyAsync();
        await WarmUpAsync(platform);
        var latencies = new double[responses];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < responses)
            {
                var started = Stopwatch.GetTimestamp();
                await platform.AnswerAsync(surveyId, 1 + i % 5);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var accepted = clock.Elapsed;
        while (await platform.CountAsync(surveyId) < responses)
        {
            await Task.Delay(20);
        }
        var counted = clock.Elapsed;

        report.Add($"Submit a response ({concurrency} concurrent respondents, {responses} responses)", "throughput", $"{responses / accepted.TotalSeconds:0} responses/s");
        report.AddPercentiles("Submit a response: latency seen by a respondent", latencies);
        report.Add($"All {responses} responses counted by the KPI aggregator", "time from the first submission", $"{counted.TotalSeconds:0.0} s ({responses / counted.TotalSeconds:0} messages/s end to end)");
    }

    private static async Task WarmUpAsync(BenchmarkPlatform platform)
    {
        var warmUp = await platform.OpenCampaignSurveyAsync();
        for (var i = 0; i < 50; i++)
        {
            await platform.AnswerAsync(warmUp, 5);
        }
        while (await platform.CountAsync(warmUp) < 50)
        {
            await Task.Delay(20);
        }
    }
}
