using System.Net.Http.Json;
using StrategyPlatform.Kpi;
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
        var surveys = await platform.bed.StartServiceAsync<SurveysService>("surveysdb", quiet, realHttp: true);
        platform.Surveys = surveys.CreateClient();
        platform.Kpi = kpi.CreateClient();
        platform.SurveyManager = platform.bed.CreateStaffClient(surveys, [StrategyPlatform.ServiceDefaults.Authentication.StaffRoles.SurveyManager]);
        return platform;
    }

    public static object Response(int rating) => new
    {
        kind = "PartnerSatisfaction",
        year = 2026,
        respondentCategory = "Ngo",
        ratings = new[] { new { questionId = "overall", value = rating } },
    };

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
