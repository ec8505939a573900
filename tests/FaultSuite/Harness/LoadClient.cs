using System.Diagnostics;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>How the client treats an attempt that got no clear answer (no response, or 5xx).</summary>
/// <param name="MaxAttempts">1: never again. More: again with the same idempotency key, as a careful client (the portal) does.</param>
public sealed record RetryRule(int MaxAttempts, TimeSpan Delay)
{
    public static readonly RetryRule Never = new(1, TimeSpan.Zero);
    public static RetryRule UntilAnswered(int attempts = 60) => new(attempts, TimeSpan.FromMilliseconds(500));
}

/// <summary>
/// Respondents and staff at once: runs submissions with a fixed number in flight, each with an
/// <c>Idempotency-Key</c> of its own that its retries repeat, and records every attempt in the ledger.
/// </summary>
public static class LoadClient
{
    /// <param name="send">Builds the request for one item (a fresh message per attempt).</param>
    /// <param name="onAccepted">Reads what a 2xx answer carries (e.g. the id of what was created).</param>
    public static async Task RunAsync<T>(
        IReadOnlyList<T> items, Func<T, string> marker, Func<T, HttpRequestMessage> send, HttpClient http, Ledger ledger,
        int concurrency, RetryRule retry, CancellationToken ct = default, Func<HttpResponseMessage, Submission, Task>? onAccepted = null,
        TimeSpan? pace = null)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var started = Stopwatch.StartNew();
        var tasks = new List<Task>();
        for (var i = 0; i < items.Count; i++)
        {
            if (pace is { } every && started.Elapsed < every * i)
            {
                await Task.Delay(every * i - started.Elapsed, ct);
            }
            await gate.WaitAsync(ct);
            var item = items[i];
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await SubmitAsync(ledger.Add(marker(item)), () => send(item), http, retry, onAccepted, ct);
                }
                finally
                {
                    gate.Release();
                }
            }, ct));
        }
        await Task.WhenAll(tasks);
    }

    /// <summary>Asks again for what was not accepted, with each submission's own key: what a user does after "try again later".</summary>
    public static Task ResubmitAsync(IEnumerable<(Submission Submission, Func<HttpRequestMessage> Send)> pending, HttpClient http, RetryRule retry,
        CancellationToken ct = default, Func<HttpResponseMessage, Submission, Task>? onAccepted = null) =>
        Task.WhenAll(pending.Select(p => SubmitAsync(p.Submission, p.Send, http, retry, onAccepted, ct)));

    private static async Task SubmitAsync(Submission submission, Func<HttpRequestMessage> send, HttpClient http, RetryRule retry,
        Func<HttpResponseMessage, Submission, Task>? onAccepted, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= retry.MaxAttempts; attempt++)
        {
            using var request = send();
            request.Headers.Add("Idempotency-Key", submission.Key);
            var sentAt = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request, ct);
                submission.Add(new Attempt((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, null, clock.Elapsed, sentAt));
                if (response.IsSuccessStatusCode)
                {
                    if (onAccepted is not null)
                    {
                        await onAccepted(response, submission);
                    }
                    return;
                }
                if ((int)response.StatusCode < 500)
                {
                    return; // a clear refusal (400, 409, 429): asking again would not change it
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or IOException)
            {
                submission.Add(new Attempt(null, null, e.GetType().Name, clock.Elapsed, sentAt));
            }
            if (attempt < retry.MaxAttempts)
            {
                await Task.Delay(retry.Delay, ct);
            }
        }
    }
}
