using StrategyPlatform.ServiceDefaults.Audit;

namespace StrategyPlatform.Portal.Audit;

/// <summary>What the audit page and its downloads show: a period, a person, a kind of action, a source.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Who, string? Action, string? Source)
{
    /// <summary>The kinds of action offered in the filter: the start of the action names they cover.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["account.", "user.", "survey.", "organisation", "export.", "indicator.", "measurement.", "year.", "indicators.rebuilt", "activity.", "media-events.", "audit."];

    public static AuditFilter LastMonth(DateOnly today) => new(today.AddMonths(-1), today, null, null, null);

    public AuditQuery Query => new(From, To, Who, Action);

    public string QueryString => string.Join('&', new[]
    {
        ("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("actor", Who), ("action", Action), ("source", Source),
    }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
