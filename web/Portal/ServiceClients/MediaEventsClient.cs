using StrategyPlatform.ServiceDefaults.Idempotency;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>Calls the MediaEvents service (<c>https+http://mediaevents</c>).</summary>
public sealed class MediaEventsClient : ServiceClient
{
    private readonly HttpClient http;
    private readonly ILogger logger;

    public MediaEventsClient(HttpClient http, ILogger<MediaEventsClient> logger) : base(http, logger)
    {
        this.http = http;
        this.logger = logger;
    }

    public Task<ServiceResult<MediaEventList>> ListAsync(MediaEventQuery query, CancellationToken ct = default) =>
        GetAsync<MediaEventList>($"api/media-events?{query.ToQueryString()}", ct);

    public Task<ServiceResult<MediaEventWithHistory>> GetAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<MediaEventWithHistory>($"api/media-events/{id}", ct);

    public Task<ServiceResult<IReadOnlyList<MediaEventItem>>> MonthAsync(int year, int month, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<MediaEventItem>>($"api/media-events/calendar/{year}/{month}", ct);

    public Task<ServiceResult<MediaCountingRules>> RulesAsync(CancellationToken ct = default) =>
        GetAsync<MediaCountingRules>("api/media-events/rules", ct);

    /// <param name="idempotencyKey">The same for every try of one form: a try after a timeout that had in fact saved gets that event back.</param>
    public Task<ServiceResult<MediaEventItem>> CreateAsync(MediaEventSave input, string idempotencyKey, CancellationToken ct = default) =>
        SendAsync<MediaEventItem>(() => new HttpRequestMessage(HttpMethod.Post, "api/media-events")
        {
            Content = JsonContent.Create(input),
            Headers = { { IdempotentRequest.Header, idempotencyKey } },
        }, ct);

    public Task<ServiceResult<MediaEventItem>> UpdateAsync(Guid id, MediaEventSave input, CancellationToken ct = default) =>
        SendAsync<MediaEventItem>(() => new HttpRequestMessage(HttpMethod.Put, $"api/media-events/{id}") { Content = JsonContent.Create(input) }, ct);

    public Task<ServiceResult<MediaEventItem>> WithdrawAsync(Guid id, MediaEventWithdrawal withdrawal, CancellationToken ct = default) =>
        PostAsync<MediaEventWithdrawal, MediaEventItem>($"api/media-events/{id}/withdraw", withdrawal, ct);

    public Task<ServiceResult<IReadOnlyList<MediaCampaign>>> CampaignsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<MediaCampaign>>("api/media-events/campaigns", ct);

    public Task<ServiceResult<MediaCampaign>> CreateCampaignAsync(MediaCampaignSave input, CancellationToken ct = default) =>
        PostAsync<MediaCampaignSave, MediaCampaign>("api/media-events/campaigns", input, ct);

    /// <summary>The filtered list (<paramref name="queryString"/> from <see cref="MediaEventQuery.ToQueryString"/>) as <c>csv</c> or <c>xlsx</c>.</summary>
    public Task<ServiceResult<ServiceFile>> ExportAsync(string queryString, string format, CancellationToken ct = default) =>
        GetFileAsync($"api/media-events/export.{format}?{queryString}", ct);

    /// <summary>
    /// Imports a CSV file. A refused file is <see cref="ServiceOutcome.Invalid"/> with the report's errors
    /// by line in <see cref="ServiceResult{T}.Value"/> (the service's 400 names each cell <c>lines[3].endsAt</c>).
    /// </summary>
    public async Task<ServiceResult<MediaImportReport>> ImportAsync(Stream csv, string fileName, CancellationToken ct = default)
    {
        try
        {
            // In memory (at most 5 MB), so a retry of the resilience pipeline can send the file again.
            var bytes = new MemoryStream();
            await csv.CopyToAsync(bytes, ct);
            using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes.ToArray()), "file", fileName } };
            using var response = await http.PostAsync("api/media-events/import", content, ct);
            if (response.IsSuccessStatusCode)
            {
                return ServiceResult<MediaImportReport>.Ok((await response.Content.ReadFromJsonAsync<MediaImportReport>(ct))!);
            }
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var problems = FieldProblems.Read(await response.Content.ReadFromJsonAsync<JsonElement>(ct));
                return new(ServiceOutcome.Invalid, new MediaImportReport(0, [.. problems.Cells().Select(c => new MediaImportError(c.Line, c.Column, c.Problem))]));
            }
            return Failed<MediaImportReport>(response.StatusCode);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or Polly.ExecutionRejectedException or JsonException)
        {
            logger.LogWarning(ex, "MediaEvents import failed");
            return new(ServiceOutcome.Unavailable);
        }
    }

    private ServiceResult<T> Failed<T>(HttpStatusCode status)
    {
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new(ServiceOutcome.Forbidden);
        }
        logger.LogWarning("MediaEvents answered {Status}", (int)status);
        return new(status == HttpStatusCode.BadRequest ? ServiceOutcome.Invalid : ServiceOutcome.Unavailable);
    }
}
