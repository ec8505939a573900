using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>Why a survey link cannot be answered, from the service's problem <c>type</c>.</summary>
public enum LinkProblem
{
    None,
    Unknown,
    Used,
    NotYetOpen,
    Expired,
    Closed,
    /// <summary>The service is down or failing: try again later, nothing is lost.</summary>
    Unavailable,
}

/// <summary>The outcome of an answering call: a value, per-question errors (400), or why the link cannot be used.</summary>
public sealed record AnswerResult<T>(T? Value, LinkProblem Problem = LinkProblem.None, FieldProblems? Errors = null)
{
    public bool IsOk => Problem == LinkProblem.None && Errors is null;
}

/// <summary>
/// The public answering API of the Surveys service, for respondents without an account: no bearer token
/// is sent, and each refusal keeps its problem type so the page can explain it politely.
/// </summary>
public sealed class SurveyAnsweringClient(HttpClient http, ILogger<SurveyAnsweringClient> logger)
{
    public const string ProblemTypePrefix = "https://strategyplatform.lm.gov.lv/problems/survey-link-";

    public Task<AnswerResult<SurveyAnswerForm>> GetFormAsync(string token, CancellationToken ct = default) =>
        SendAsync<SurveyAnswerForm>(HttpMethod.Get, $"api/answer/{Uri.EscapeDataString(token)}", null, ct);

    public Task<AnswerResult<object>> SaveDraftAsync(string token, SurveyAnswerSheet sheet, CancellationToken ct = default) =>
        SendAsync<object>(HttpMethod.Put, $"api/answer/{Uri.EscapeDataString(token)}/draft", sheet, ct);

    /// <summary>Checks one step's answers as the submission would (0: the category question, 1…: the sections); changes nothing.</summary>
    public Task<AnswerResult<object>> CheckStepAsync(string token, SurveyAnswerSheet sheet, int step, CancellationToken ct = default) =>
        SendAsync<object>(HttpMethod.Post, $"api/answer/{Uri.EscapeDataString(token)}/check?step={step}", sheet, ct);

    public Task<AnswerResult<object>> SubmitAsync(string token, SurveyAnswerSheet sheet, CancellationToken ct = default) =>
        SendAsync<object>(HttpMethod.Post, $"api/answer/{Uri.EscapeDataString(token)}", sheet, ct);

    public Task<AnswerResult<SurveyAnswerForm>> GetOpenFormAsync(Guid surveyId, CancellationToken ct = default) =>
        SendAsync<SurveyAnswerForm>(HttpMethod.Get, $"api/open/{surveyId}", null, ct);

    /// <param name="idempotencyKey">The same for every try of one form: the answers are saved once however often it is sent.</param>
    public Task<AnswerResult<object>> SubmitOpenAsync(Guid surveyId, SurveyAnswerSheet sheet, string idempotencyKey, CancellationToken ct = default) =>
        SendAsync<object>(HttpMethod.Post, $"api/open/{surveyId}", sheet, ct, idempotencyKey);

    private async Task<AnswerResult<T>> SendAsync<T>(HttpMethod method, string path, SurveyAnswerSheet? body, CancellationToken ct, string? idempotencyKey = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ServiceClient.Timeout);
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (idempotencyKey is not null)
            {
                request.Headers.Add(StrategyPlatform.ServiceDefaults.Idempotency.IdempotentRequest.Header, idempotencyKey);
            }
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return new(typeof(T) == typeof(object) ? default : await response.Content.ReadFromJsonAsync<T>(timeout.Token));
            }
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                return new(default, Errors: await ServiceClient.ReadErrorsAsync(response, timeout.Token));
            }
            var type = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? (await response.Content.ReadFromJsonAsync<ProblemDetails>(timeout.Token))?.Type : null;
            return new(default, ProblemOf(type, response.StatusCode));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or Polly.ExecutionRejectedException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Surveys answering call failed");
            return new(default, LinkProblem.Unavailable);
        }
    }

    private LinkProblem ProblemOf(string? type, HttpStatusCode status)
    {
        var problem = type?.StartsWith(ProblemTypePrefix, StringComparison.Ordinal) == true ? type[ProblemTypePrefix.Length..] switch
        {
            "unknown" => LinkProblem.Unknown,
            "used" => LinkProblem.Used,
            "not-yet-open" => LinkProblem.NotYetOpen,
            "expired" => LinkProblem.Expired,
            "closed" => LinkProblem.Closed,
            _ => (LinkProblem?)null,
        } : null;
        if (problem is null && status != HttpStatusCode.NotFound)
        {
            logger.LogWarning("Surveys answering call answered {Status}", (int)status);
        }
        return problem ?? (status == HttpStatusCode.NotFound ? LinkProblem.Unknown : LinkProblem.Unavailable);
    }
}
