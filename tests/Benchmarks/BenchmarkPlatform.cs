using System.Net.Http.Json;
using StrategyPlatform.Kpi;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Benchmarks;

/// <summary>The Surveys service and the KPI aggregator on real PostgreSQL and RabbitMQ, serving real HTTP.</summary>
internal sealed class BenchmarkPlatform : IAsyncDisposable
{
    private readonly ServiceTestBed bed = new();

    public HttpClient Surveys { get; private set; } = null!;
    public HttpClient Kpi { get; private set; } = null!;

    /// <summary>The Surveys service as a survey manager (create, import, open).</summary>
    public HttpClient SurveyManager { get; private set; } = null!;

    public static async Task<BenchmarkPlatform> StartAsync()
    {
        var platform = new BenchmarkPlatform();
        await platform.bed.InitializeAsync();
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        var kpi = await platform.bed.StartServiceAsync<KpiService>("kpidb", quiet, realHttp: true);
        // The public limits (per open survey and minute, per link, and over all public answering per second) guard
        // against scripted stuffing from one place; the benchmark is that script, so it lifts them.
        var surveys = await platform.bed.StartServiceAsync<SurveysService>("surveysdb",
            new Dictionary<string, string?>(quiet)
            {
                ["Surveys:OpenLink:PermitsPerMinute"] = "1000000", ["Surveys:Links:PermitsPerMinute"] = "1000000", ["Surveys:Public:PermitsPerSecond"] = "1000000",
            },
            realHttp: true);
        platform.Surveys = surveys.CreateClient();
        platform.Kpi = platform.bed.CreateStaffClient(kpi, [StaffRoles.Leadership]);
        platform.SurveyManager = platform.bed.CreateStaffClient(surveys, [StaffRoles.SurveyManager]);
        return platform;
    }

    /// <summary>A public campaign survey, opened: answered through its open link, the respondents' fastest path.</summary>
    public Task<Guid> OpenCampaignSurveyAsync() => SurveyRespondents.OpenCampaignSurveyAsync(SurveyManager, 2026);

    public Task AnswerAsync(Guid surveyId, int rating) => SurveyRespondents.AnswerOpenAsync(Surveys, surveyId, rating);

    public async Task<int> CountAsync(Guid surveyId) =>
        (await Kpi.GetFromJsonAsync<Count>($"/api/kpi/surveys/{surveyId}/response-count"))!.Responses;

    private sealed record Count(Guid SurveyId, int Responses);

    public async ValueTask DisposeAsync()
    {
        Surveys.Dispose();
        Kpi.Dispose();
        SurveyManager.Dispose();
        await bed.DisposeAsync();
    }
}
