using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Counting;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>A <c>media_events</c> row as Dapper reads it (Npgsql returns timestamptz and date as UTC <see cref="DateTime"/>).</summary>
internal sealed class MediaEventRow
{
    public const string Select = """
        SELECT e.id, e.version, e.starts_at AS StartsAt, e.ends_at AS EndsAt, e.starts_on AS StartsOn, e.type, e.title, e.summary,
               e.goals, e.priorities, e.campaign_id AS CampaignId, c.name AS CampaignName, e.spokesperson_name AS SpokespersonName,
               e.spokesperson_level AS SpokespersonLevel, e.outlets, e.estimated_reach AS EstimatedReach, e.tone,
               e.coverage_links AS CoverageLinks, e.language, e.communicates_achievement AS CommunicatesAchievement,
               e.withdrawn_at AS WithdrawnAt, e.withdrawn_reason AS WithdrawnReason, e.withdrawn_by AS WithdrawnBy,
               e.created_by AS CreatedBy, e.created_at AS CreatedAt, e.updated_by AS UpdatedBy, e.updated_at AS UpdatedAt
        FROM media_events e LEFT JOIN campaigns c ON c.id = e.campaign_id
        """;

    public Guid Id { get; init; }
    public int Version { get; init; }
    public DateTime StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
    public DateTime StartsOn { get; init; }
    public MediaEventType Type { get; init; }
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public int[] Goals { get; init; } = [];
    public string[] Priorities { get; init; } = [];
    public Guid? CampaignId { get; init; }
    public string? CampaignName { get; init; }
    public string? SpokespersonName { get; init; }
    public SpokespersonLevel? SpokespersonLevel { get; init; }
    public string[] Outlets { get; init; } = [];
    public long? EstimatedReach { get; init; }
    public CoverageTone? Tone { get; init; }
    public string[] CoverageLinks { get; init; } = [];
    public string Language { get; init; } = "lv";
    public bool CommunicatesAchievement { get; init; }
    public DateTime? WithdrawnAt { get; init; }
    public string? WithdrawnReason { get; init; }
    public string? WithdrawnBy { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public DateTime UpdatedAt { get; init; }

    public DateOnly Date => DateOnly.FromDateTime(StartsOn);

    public MediaEventValues Values => new(
        Utc(StartsAt), EndsAt is { } end ? Utc(end) : null, Type, Title, Summary, Goals, CampaignId, SpokespersonName,
        SpokespersonLevel, Outlets, EstimatedReach, Tone, CoverageLinks, Language, CommunicatesAchievement);

    public MediaEventFacts Facts => Values.FactsOn(Date);

    public MediaEventDto ToDto() => new(
        Id, Version, Utc(StartsAt), EndsAt is { } end ? Utc(end) : null, Date, Type, Title, Summary, Goals, Priorities,
        CampaignId, CampaignName, SpokespersonName, SpokespersonLevel, Outlets, EstimatedReach, Tone, CoverageLinks, Language,
        // A withdrawn event counts for nothing, whatever its type.
        CommunicatesAchievement, WithdrawnAt is null && CountingRule.CountsForIndicator13(Type),
        WithdrawnAt is null && CountingRule.CountsForIndicator14(Type, CommunicatesAchievement),
        WithdrawnAt is { } withdrawn ? Utc(withdrawn) : null, WithdrawnReason, WithdrawnBy, CreatedBy, Utc(CreatedAt), UpdatedBy, Utc(UpdatedAt));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
