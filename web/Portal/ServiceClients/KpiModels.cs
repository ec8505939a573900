namespace StrategyPlatform.Portal.ServiceClients;

// The Kpi service's API shapes as the portal reads them. Enumerations travel as their names:
// status (NoDataYet, OnTrack, AtRisk, Achieved, NotAchieved), unit (Percent, Count, MWh, YesNo, NewsPerMonth),
// change (Rise, Fall, Same, WithinMarginOfError), target kind (AtMost, AtLeast, NotBelowBaseline …).

public sealed record KpiText(string Lv, string En);

public sealed record KpiBaseline(decimal Value, int Year, KpiText? Note);

public sealed record KpiTargetRule(string Kind, decimal? Value);

public sealed record KpiYear(
    int Year, decimal? Value, string Status, string? Change, bool Locked, int? DefinitionVersion,
    int? N, int? Positive, int? Responses, decimal? CiLow, decimal? CiHigh, int[]? Monthly);

public sealed record KpiSeriesPoint(int Year, decimal? Value, bool IsBaseline, bool BreakBefore);

public sealed record KpiIndicator(
    string Number, int Priority, IReadOnlyList<int> Goals, bool IsKey, string Unit,
    KpiText Result, KpiText Indicator, KpiBaseline? Baseline, KpiText? BaselineNote, int? FirstMeasuredYear,
    KpiTargetRule Target, int TargetYear, KpiText TargetText, KpiText DataSource,
    IReadOnlyList<string> ResponsibleUnits, KpiText? ResponsibleNote, string Frequency, string Origin,
    int Version, KpiYear Current, IReadOnlyList<KpiYear> Years, IReadOnlyList<KpiSeriesPoint> Sparkline, bool Accumulates)
{
    public bool IsComputed => Origin == "Computed";
}

// Each "by" is an account id with the name the service was given for it (the portal's own name for the account wins).
public sealed record KpiMeasurement(
    Guid Id, int Year, decimal Value, string? Comment, string? Source, string EnteredBy, string? EnteredByName, DateTime EnteredAt,
    string? CorrectionReason, int DefinitionVersion, bool IsCurrent, DateTime? SupersededAt);

public sealed record KpiPeriodComment(Guid Id, int Year, string Comment, string Author, string? AuthorName, DateTime WrittenAt);

public sealed record KpiDefinitionVersion(int Version, DateTimeOffset ChangedAt, string ChangedBy, string? ChangedByName, string Reason);

public sealed record KpiIndicatorDetail(
    KpiIndicator Indicator, IReadOnlyList<KpiMeasurement> Measurements, IReadOnlyList<KpiPeriodComment> Commentary,
    IReadOnlyList<KpiDefinitionVersion> History);

public sealed record KpiMeasurementInput(int Year, decimal? Value, string? Comment, string? Source, string? Reason);

public sealed record KpiMeasurementEntered(Guid Id, string Number, int Year, decimal Value, bool IsCorrection, int DefinitionVersion);

public sealed record KpiCommentaryInput(int Year, string Comment);

public sealed record KpiYearLock(int Year, bool Locked, bool Ended, string? LockedBy, string? LockedByName, DateTime? LockedAt, string? Note);

public sealed record KpiLockInput(string? Note);

/// <param name="Note">In Latvian; <paramref name="NoteEn"/> in English, when given.</param>
public sealed record KpiActivityProgress(DateTime AsOf, int? Participants, int? Organisations, int? Sessions, string? Note, string? NoteEn = null);

public sealed record KpiActivity(
    string Code, KpiText Name, int? TargetParticipants, int? TargetOrganisations, DateOnly Deadline,
    KpiText ParticipantsAre, KpiText OrganisationsAre, KpiActivityProgress? Latest, decimal? ParticipantsShare, decimal? OrganisationsShare);

public sealed record KpiReviewRow(
    string Number, int Priority, bool IsKey, KpiText Indicator, string Unit, KpiBaseline? Baseline, KpiText Target,
    decimal? Value, int? N, decimal? CiLow, decimal? CiHigh, string Status, string? Change, IReadOnlyList<string> ResponsibleUnits, string? Comment);

public sealed record KpiReview(int Year, bool Locked, DateTimeOffset GeneratedAt, IReadOnlyList<KpiReviewRow> Rows);

public sealed record KpiCountedEvent(Guid MediaEventId, DateOnly Date, string Type);

/// <param name="N">Ratings counted; <paramref name="Positive"/> of them 4 or 5.</param>
/// <param name="Population">The ratings its invited organisations could give (the interval is corrected for it); null for an open-link survey.</param>
public sealed record KpiCountedSurvey(Guid SurveyId, int Responses, int N, int Positive, int? Population = null);

/// <summary>A computed indicator's drill-down for a year: exactly what was counted, and the value it makes.</summary>
public sealed record KpiCounted(
    string Number, int Year, decimal? Value, int? N, int? Positive, int? Responses, decimal? CiLow, decimal? CiHigh, int[]? Monthly, int? PerMonth,
    IReadOnlyList<KpiCountedEvent> Events, IReadOnlyList<KpiCountedSurvey> Surveys);

/// <summary>A rebuild of indicators 13–16: each indicator and year, live and rebuilt side by side.</summary>
public sealed record KpiReplay(string From, IReadOnlyList<KpiReplayedValue> Values, KpiReplaySources? Sources, bool AllEqual);

public sealed record KpiReplayedValue(string Number, int Year, decimal? Live, decimal? Rebuilt, int? LiveN, int? RebuiltN, bool Equal);

public sealed record KpiReplaySources(int SurveyResponsesRead, int MediaEventsRead, int FactsCorrected, int FactsRemoved);

/// <summary>The catalogue's definition of an indicator as the service takes it back in an Administrator's edit.</summary>
public sealed record KpiDefinition(
    string Number, int Priority, IReadOnlyList<int> Goals, bool IsKey, string Unit,
    KpiText Result, KpiText Indicator, KpiBaseline? Baseline, KpiText? BaselineNote, int? FirstMeasuredYear,
    KpiTargetRule Target, int TargetYear, KpiText DataSource, IReadOnlyList<string> ResponsibleUnits, KpiText? ResponsibleNote,
    string Frequency, string Origin, bool Accumulates)
{
    public static KpiDefinition Of(KpiIndicator i) => new(i.Number, i.Priority, i.Goals, i.IsKey, i.Unit, i.Result, i.Indicator, i.Baseline,
        i.BaselineNote, i.FirstMeasuredYear, i.Target, i.TargetYear, i.DataSource, i.ResponsibleUnits, i.ResponsibleNote, i.Frequency, i.Origin, i.Accumulates);
}

public sealed record KpiDefinitionChange(KpiDefinition Definition, string? Reason);

public sealed record KpiDefinitionChanged(string Number, int Version);

public sealed record KpiProgressInput(DateOnly? AsOf, int? Participants, int? Organisations, int? Sessions, string? Note, string? NoteEn = null);
