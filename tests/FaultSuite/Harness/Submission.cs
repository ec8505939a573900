using System.Collections.Concurrent;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>One HTTP attempt as the client saw it: the status (null when no answer came), the answer's media type, when it was sent and how long it took.</summary>
public sealed record Attempt(int? Status, string? MediaType, string? Error, TimeSpan Latency, DateTime SentAt)
{
    /// <summary>In flight at <paramref name="moment"/>: sent before it, answered (or given up on) after it.</summary>
    public bool InFlightAt(DateTime moment) => SentAt <= moment && SentAt + Latency > moment;

    public bool Succeeded => Status is >= 200 and < 300;
    public bool IsProblem503 => Status == 503 && MediaType == "application/problem+json";
}

/// <summary>One thing a user asked for (an answer, a media event), identified by a marker of its own, with every attempt the client made.</summary>
public sealed class Submission(string marker)
{
    private readonly ConcurrentQueue<Attempt> attempts = new();

    public string Marker { get; } = marker;
    /// <summary>The <c>Idempotency-Key</c> every attempt of this submission carries.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");
    public IReadOnlyList<Attempt> Attempts => [.. attempts];
    /// <summary>Accepted: some attempt was answered 2xx (what the user was told: saved).</summary>
    public bool Accepted => attempts.Any(a => a.Succeeded);
    /// <summary>The id the service answered with, when it returns one (a media event's).</summary>
    public Guid? CreatedId { get; set; }

    public void Add(Attempt attempt) => attempts.Enqueue(attempt);
}

/// <summary>Every submission of a scenario, as the load client recorded them.</summary>
public sealed class Ledger
{
    private readonly ConcurrentQueue<Submission> submissions = new();

    public IReadOnlyList<Submission> All => [.. submissions];
    public int Count => submissions.Count;
    public int Accepted => submissions.Count(s => s.Accepted);

    public Submission Add(string marker)
    {
        var submission = new Submission(marker);
        submissions.Enqueue(submission);
        return submission;
    }

    /// <summary>Latencies of the attempts that succeeded, in milliseconds, sorted.</summary>
    public double[] SuccessLatencies() =>
        [.. submissions.SelectMany(s => s.Attempts).Where(a => a.Succeeded).Select(a => a.Latency.TotalMilliseconds).Order()];

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
