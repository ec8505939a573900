namespace StrategyPlatform.Contracts;

public enum KpiStatus
{
    NoDataYet,
    OnTrack,
    AtRisk,
    Achieved,
    NotAchieved,
}

/// <summary>
/// An indicator's value for a year changed (a new response, a media event, an entered figure), or its definition did
/// and so may its status. Open dashboards listen for it to update live; it carries the status as judged then.
/// </summary>
public sealed record IndicatorValueChanged(
    string IndicatorNumber,
    int Year,
    decimal? Value,
    KpiStatus Status,
    DateTimeOffset ChangedAt);
