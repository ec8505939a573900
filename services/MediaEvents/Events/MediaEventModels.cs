using StrategyPlatform.Contracts;

namespace StrategyPlatform.MediaEvents.Events;

public enum SpokespersonLevel { Minister, StateSecretary, DeputyStateSecretary, HeadOfUnit, Expert }

public enum CoverageTone { Positive, Neutral, Negative }

/// <summary>
/// What a user enters for a media event (create, edit and each CSV row). Everything is optional
/// here so that one validator can name every missing or wrong field at once.
/// </summary>
/// <param name="Version">On edit, the version the user edited (optimistic concurrency); ignored on create.</param>
/// <param name="Language">lv, en or other; lv when left out.</param>
public sealed record MediaEventInput(
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    MediaEventType? Type,
    string? Title,
    string? Summary,
    IReadOnlyList<int>? Goals,
    Guid? CampaignId,
    string? SpokespersonName,
    SpokespersonLevel? SpokespersonLevel,
    IReadOnlyList<string>? Outlets,
    long? EstimatedReach,
    CoverageTone? Tone,
    IReadOnlyList<string>? CoverageLinks,
    string? Language,
    bool CommunicatesAchievement = false,
    int? Version = null);

public sealed record WithdrawRequest(string? Reason, int? Version);

public sealed record HistoryChange(string Field, string? From, string? To);

public sealed record HistoryEntry(int Version, string Action, string ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt, IReadOnlyList<HistoryChange> Changes);

/// <param name="Date">The day it counts for, in Latvian time.</param>
public sealed record MediaEventDto(
    Guid Id,
    int Version,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    DateOnly Date,
    MediaEventType Type,
    string Title,
    string Summary,
    IReadOnlyList<int> Goals,
    IReadOnlyList<string> Priorities,
    Guid? CampaignId,
    string? CampaignName,
    string? SpokespersonName,
    SpokespersonLevel? SpokespersonLevel,
    IReadOnlyList<string> Outlets,
    long? EstimatedReach,
    CoverageTone? Tone,
    IReadOnlyList<string> CoverageLinks,
    string Language,
    bool CommunicatesAchievement,
    bool CountsAsProactive,
    bool CountsAsAchievement,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnReason,
    string? WithdrawnBy,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);

public sealed record MediaEventDetails(MediaEventDto Event, IReadOnlyList<HistoryEntry> History);

public sealed record MediaEventPage(IReadOnlyList<MediaEventDto> Items, int Total, int Skip, int Take);
