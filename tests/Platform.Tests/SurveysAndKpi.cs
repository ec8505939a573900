using System.Net.Http.Json;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Kpi;
using StrategyPlatform.Surveys;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

/// <summary>The Surveys service and the KPI aggregator, in-process, on a test class's own database and virtual host.</summary>
public sealed class SurveysAndKpi : IAsyncLifetime
{
    public ServiceTestBed Bed { get; } = new();
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;
    public ServiceHost<KpiService> Kpi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        Kpi = await Bed.StartServiceAsync<KpiService>("kpidb");
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb");
    }

    public Task DisposeAsync() => Bed.DisposeAsync();

    /// <summary>A campaign evaluation answered from an open link, opened by a survey manager; its id.</summary>
    public async Task<Guid> OpenCampaignSurveyAsync()
    {
        using var manager = Bed.CreateStaffClient(Surveys, [StaffRoles.SurveyManager]);
        return await SurveyRespondents.OpenCampaignSurveyAsync(manager, 2026);
    }

    public async Task<int> ResponseCountAsync(Guid surveyId)
    {
        using var client = Bed.CreateStaffClient(Kpi, [StaffRoles.Leadership]);
        var count = await client.GetFromJsonAsync<CountDto>($"/api/kpi/surveys/{surveyId}/response-count");
        return count!.Responses;
    }

    private sealed record CountDto(Guid SurveyId, int Responses);
}
