using System.Diagnostics;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// One response at a time on a quiet platform: from the HTTP request to the KPI aggregator having
/// counted it (outbox, notify, dispatcher, broker, consumer, inbox). The dashboard's "within 2
/// seconds" promise rests on this figure.
/// </summary>
internal static class EndToEndLatency
{
    public static async Task RunAsync(BenchmarkPlatform platform, int samples, Report report)
    {
        var latencies = new double[samples];
        var surveyId = await platform.OpenCampaignSurveyAsync();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await platform.AnswerAsync(surveyId, 4);
            while (await platform.CountAsync(surveyId) <= i)
            {
                await Task.Delay(2);
            }
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        report.AddPercentiles($"Response submitted → counted by the KPI aggregator ({samples} one at a time)", latencies);
    }
}
