using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>How a write ended; the API turns each into its HTTP answer.</summary>
public abstract record WriteOutcome
{
    public sealed record Done(MediaEventDto Event) : WriteOutcome;

    public sealed record Invalid(FieldErrors Errors) : WriteOutcome;

    public sealed record NotFound : WriteOutcome;

    /// <param name="CurrentVersion">The version now stored, so the page can reload it and show what changed.</param>
    public sealed record Conflict(string Detail, int CurrentVersion) : WriteOutcome;
}
