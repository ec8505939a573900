using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace StrategyPlatform.Security.Tests;

/// <summary>Sends one request as one identity; many at once, since the matrix and the corpus are thousands of calls.</summary>
public static class Callers
{
    /// <param name="Client">The app's client: a service's test client (the identity's token is added per request), or the identity's own browser in the portal.</param>
    public sealed record Call(HttpClient Client, string Method, string Url, Identity Identity, Func<HttpContent>? Body = null, string? Accept = null, string Label = "");

    public sealed record Answer(Call Call, HttpStatusCode Status, string? ContentType, string? Location, string Body, Exception? Failure)
    {
        public override string ToString() => $"{Call.Method} {(Call.Url.Length > 160 ? Call.Url[..160] + "…" : Call.Url)} as {Call.Identity}{(Call.Label == "" ? "" : $" [{Call.Label}]")}: " +
            (Failure is not null ? $"failed: {Failure.GetType().Name} {Failure.Message}" : $"{(int)Status} {ContentType} {Location} {Trim(Body)}");

        private static string Trim(string text) => text.Length > 300 ? text[..300] + "…" : text;
    }

    public static async Task<IReadOnlyList<Answer>> SendAllAsync(IEnumerable<Call> calls, int parallel = 8)
    {
        var answers = new List<Answer>();
        var gate = new Lock();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (call, ct) =>
        {
            var answer = await SendAsync(call, ct);
            lock (gate)
            {
                answers.Add(answer);
            }
        });
        return answers;
    }

    public static async Task<Answer> SendAsync(Call call, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url) { Content = call.Body?.Invoke() };
        if (call.Identity.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        request.Headers.Accept.ParseAdd(call.Accept ?? "application/json");
        // A large upload asks first, as HTTP provides: a server that refuses it (401, 413) says so before the body is sent.
        if (request.Content?.Headers.ContentLength > 1024 * 1024)
        {
            request.Headers.ExpectContinue = true;
        }
        try
        {
            using var response = await call.Client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new Answer(call, response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location?.OriginalString, body, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return new Answer(call, 0, null, null, "", e);
        }
    }

    public static Func<HttpContent> Json(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");
}
