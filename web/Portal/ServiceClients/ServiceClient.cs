using System.Net;
using System.Net.Http.Json;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>
/// The base of the typed clients. A call that fails because the service is down, slow (over
/// <see cref="Timeout"/>, retries included) or broken returns <see cref="ServiceOutcome.Unavailable"/>
/// and is logged; the page shows <c>ServiceUnavailable</c> instead of an error.
/// </summary>
public abstract class ServiceClient(HttpClient http, ILogger logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    protected Task<ServiceResult<T>> GetAsync<T>(string path, CancellationToken ct) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, path), ct);

    protected Task<ServiceResult<T>> PostAsync<TBody, T>(string path, TBody body, CancellationToken ct) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, ct);

    /// <summary>The service's audit trail (Administrators only), newest first.</summary>
    public Task<ServiceResult<StrategyPlatform.ServiceDefaults.Audit.AuditPage>> GetAuditAsync(
        StrategyPlatform.ServiceDefaults.Audit.AuditQuery query, CancellationToken ct = default) =>
        GetAsync<StrategyPlatform.ServiceDefaults.Audit.AuditPage>($"api/audit?{query.ToQueryString()}", ct);

    /// <summary>Whether the service answers its liveness probe: for pages that only need to know it is there.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken ct = default) =>
        (await SendAsync<string>(() => new HttpRequestMessage(HttpMethod.Get, "/alive"), ct)).IsOk;

    protected async Task<ServiceResult<T>> SendAsync<T>(Func<HttpRequestMessage> request, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message, timeout.Token);
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => ServiceResult<T>.Ok(await ReadAsync<T>(response, timeout.Token)),
                HttpStatusCode.NotFound => new(ServiceOutcome.NotFound),
                HttpStatusCode.BadRequest => new(ServiceOutcome.Invalid, Errors: await ReadErrorsAsync(response, timeout.Token)),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(ServiceOutcome.Forbidden),
                HttpStatusCode.Conflict => new(ServiceOutcome.Conflict),
                _ => Unavailable<T>(null, $"status {(int)response.StatusCode}"),
            };
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or Polly.ExecutionRejectedException or System.Text.Json.JsonException)
        {
            return Unavailable<T>(ex, ex.GetType().Name);
        }
    }

    private ServiceResult<T> Unavailable<T>(Exception? ex, string reason)
    {
        logger.LogWarning(ex, "{Client} call failed: {Reason}", GetType().Name, reason);
        return new(ServiceOutcome.Unavailable);
    }

    /// <summary>A file the service sends (an Excel export), to hand on to the browser as it is.</summary>
    protected Task<ServiceResult<ServiceFile>> GetFileAsync(string path, CancellationToken ct) =>
        SendAsync<ServiceFile>(() => new HttpRequestMessage(HttpMethod.Get, path), ct);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        typeof(T) == typeof(string) ? (T)(object)await response.Content.ReadAsStringAsync(ct)
        : typeof(T) == typeof(ServiceFile) ? (T)(object)await ServiceFile.ReadAsync(response, ct)
        : (await response.Content.ReadFromJsonAsync<T>(ct))!;

    internal static async Task<FieldProblems> ReadErrorsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return FieldProblems.Read(await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct));
        }
        catch (System.Text.Json.JsonException)
        {
            return FieldProblems.Read(default);
        }
    }
}
