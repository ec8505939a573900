namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>Calls the Kpi service (<c>https+http://kpi</c>): the indicators, their values, the review report.</summary>
public sealed class KpiClient(HttpClient http, ILogger<KpiClient> logger) : ServiceClient(http, logger)
{
    public sealed record SurveyResponseCount(Guid SurveyId, int Responses);

    public Task<ServiceResult<SurveyResponseCount>> GetSurveyResponseCountAsync(Guid surveyId, CancellationToken ct = default) =>
        GetAsync<SurveyResponseCount>($"api/kpi/surveys/{surveyId}/response-count", ct);

    /// <summary>Every indicator in the dashboard's order (priority, key indicators first).</summary>
    public Task<ServiceResult<IReadOnlyList<KpiIndicator>>> IndicatorsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<KpiIndicator>>("api/kpi/indicators", ct);

    public Task<ServiceResult<KpiIndicatorDetail>> IndicatorAsync(string number, CancellationToken ct = default) =>
        GetAsync<KpiIndicatorDetail>($"api/kpi/indicators/{Uri.EscapeDataString(number)}", ct);

    /// <summary>For a computed indicator (13–16): exactly what it counted for a year (media events, or surveys with their n).</summary>
    public Task<ServiceResult<KpiCounted>> CountedAsync(string number, int year, CancellationToken ct = default) =>
        GetAsync<KpiCounted>($"api/kpi/indicators/{Uri.EscapeDataString(number)}/counted/{year}", ct);

    public Task<ServiceResult<KpiMeasurementEntered>> EnterMeasurementAsync(string number, KpiMeasurementInput input, CancellationToken ct = default) =>
        PostAsync<KpiMeasurementInput, KpiMeasurementEntered>($"api/kpi/indicators/{Uri.EscapeDataString(number)}/measurements", input, ct);

    public Task<ServiceResult<string>> AddCommentaryAsync(string number, KpiCommentaryInput input, CancellationToken ct = default) =>
        PostAsync<KpiCommentaryInput, string>($"api/kpi/indicators/{Uri.EscapeDataString(number)}/commentary", input, ct);

    public Task<ServiceResult<IReadOnlyList<KpiYearLock>>> YearsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<KpiYearLock>>("api/kpi/years", ct);

    public Task<ServiceResult<KpiYearLock>> LockYearAsync(int year, string? note, CancellationToken ct = default) =>
        PostAsync<KpiLockInput, KpiYearLock>($"api/kpi/years/{year}/lock", new KpiLockInput(note), ct);

    public Task<ServiceResult<IReadOnlyList<KpiActivity>>> ActivitiesAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<KpiActivity>>("api/kpi/activities", ct);

    public Task<ServiceResult<KpiReview>> ReviewAsync(int year, CancellationToken ct = default) =>
        GetAsync<KpiReview>($"api/kpi/reviews/{year}", ct);

    /// <summary>The review report as Excel, in Latvian (<c>lv</c>) or English (<c>en</c>).</summary>
    public Task<ServiceResult<ServiceFile>> ReviewWorkbookAsync(int year, string lang, CancellationToken ct = default) =>
        GetFileAsync($"api/kpi/reviews/{year}.xlsx?lang={lang}", ct);

    /// <summary>Rebuilds the computed indicators from the Surveys and MediaEvents services (Administrators; the service reads them with the user's token).</summary>
    public Task<ServiceResult<KpiReplay>> ReplayFromSourcesAsync(CancellationToken ct = default) =>
        SendAsync<KpiReplay>(() => new HttpRequestMessage(HttpMethod.Post, "api/kpi/replay?from=sources"), ct);

    /// <summary>An Administrator's edit of the catalogue; the service keeps the earlier version and marks a break in the series.</summary>
    public Task<ServiceResult<KpiDefinitionChanged>> EditDefinitionAsync(string number, KpiDefinitionChange change, CancellationToken ct = default) =>
        SendAsync<KpiDefinitionChanged>(() => new HttpRequestMessage(HttpMethod.Put, $"api/kpi/indicators/{Uri.EscapeDataString(number)}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(change),
        }, ct);

    /// <summary>An Administrator records an activity's progress as of a date (participants, organisations, sessions so far).</summary>
    public Task<ServiceResult<string>> RecordProgressAsync(string code, KpiProgressInput input, CancellationToken ct = default) =>
        PostAsync<KpiProgressInput, string>($"api/kpi/activities/{Uri.EscapeDataString(code)}/progress", input, ct);
}
