namespace StrategyPlatform.Contracts;

public enum KpiStatus
{
    NoDataYet,
    OnTrack,
    AtRisk,
    Achieved,
    NotAchieved,
}

/// <summary>An indicator's status for a year changed (e.g. on track → at risk).</summary>
public sealed record KpiStatusChanged(
    string IndicatorNumber,
    int Year,
    KpiStatus? PreviousStatus,
    KpiStatus Status,
    decimal? Value,
    DateTimeOffset ChangedAt);

/// <summary>
/// An indicator's value for a year changed (a new response, a media event, an entered figure).
/// Open dashboards listen for it to update live, even when the status stays the same.
/// </summary>
public sealed record IndicatorValueChanged(
    string IndicatorNumber,
    int Year,
    decimal? Value,
    KpiStatus Status,
    DateTimeOffset ChangedAt);
