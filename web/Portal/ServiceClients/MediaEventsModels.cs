namespace StrategyPlatform.Portal.ServiceClients;

// The MediaEvents service's API shapes as the portal reads them. Enumerations travel as their names
// (MediaEventType, SpokespersonLevel, CoverageTone); MediaEventVocabulary lists the known names.

public sealed record MediaEventItem(
    Guid Id, int Version, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, DateOnly Date, string Type, string Title, string Summary,
    IReadOnlyList<int> Goals, IReadOnlyList<string> Priorities, Guid? CampaignId, string? CampaignName, string? SpokespersonName,
    string? SpokespersonLevel, IReadOnlyList<string> Outlets, long? EstimatedReach, string? Tone, IReadOnlyList<string> CoverageLinks,
    string Language, bool CommunicatesAchievement, bool CountsAsProactive, bool CountsAsAchievement, DateTimeOffset? WithdrawnAt,
    string? WithdrawnReason, string? WithdrawnBy, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record MediaEventHistoryChange(string Field, string? From, string? To);

public sealed record MediaEventHistoryEntry(
    int Version, string Action, string ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt, IReadOnlyList<MediaEventHistoryChange> Changes);

public sealed record MediaEventWithHistory(MediaEventItem Event, IReadOnlyList<MediaEventHistoryEntry> History);

public sealed record MediaEventList(IReadOnlyList<MediaEventItem> Items, int Total, int Skip, int Take);

public sealed record MediaEventSave(
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Type, string? Title, string? Summary, IReadOnlyList<int> Goals,
    Guid? CampaignId, string? SpokespersonName, string? SpokespersonLevel, IReadOnlyList<string> Outlets, long? EstimatedReach,
    string? Tone, IReadOnlyList<string> CoverageLinks, string? Language, bool CommunicatesAchievement, int? Version);

public sealed record MediaEventWithdrawal(string? Reason, int? Version);

public sealed record MediaRuleText(string Lv, string En);

public sealed record MediaTypeRule(string Type, bool CountsForIndicator13, MediaRuleText Why);

public sealed record MediaRuleVersion(int Version, DateTimeOffset AppliedAt, IReadOnlyList<string> CountedTypes, MediaRuleText Summary, int EventsRecounted);

/// <summary>Which events count for indicators 13 and 14, why, and since when (the service's rule, shown as it is).</summary>
public sealed record MediaCountingRules(int Version, MediaRuleText Summary, IReadOnlyList<MediaTypeRule> Types, MediaRuleText AchievementRule, IReadOnlyList<MediaRuleVersion> History)
{
    public MediaTypeRule? For(string type) => Types.FirstOrDefault(t => t.Type == type);
}

public sealed record MediaCampaign(
    Guid Id, int Version, string Name, DateOnly PeriodFrom, DateOnly? PeriodTo, IReadOnlyList<int> Goals, IReadOnlyList<string> TargetGroups, int EventCount);

public sealed record MediaCampaignSave(string? Name, DateOnly? PeriodFrom, DateOnly? PeriodTo, IReadOnlyList<int> Goals, IReadOnlyList<string> TargetGroups, int? Version);

public sealed record MediaImportError(int? Line, string Field, FieldProblem Problem);

/// <summary>How an import ended: imported rows, or (nothing imported) the errors by line.</summary>
public sealed record MediaImportReport(int Imported, IReadOnlyList<MediaImportError> Errors);

/// <summary>The list's filters, sorting and paging, as the service's query string.</summary>
public sealed record MediaEventQuery(
    DateOnly? From = null, DateOnly? To = null, IReadOnlyList<string>? Types = null, int? Goal = null, Guid? CampaignId = null,
    string? Spokesperson = null, string? Tone = null, string? Q = null, bool IncludeWithdrawn = false,
    string? Sort = null, bool Desc = true, int Skip = 0, int Take = 20, string? CountsFor = null)
{
    public string ToQueryString(bool paged = true)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{name}={Uri.EscapeDataString(text)}");
            }
        }
        Add("from", From?.ToString("yyyy-MM-dd"));
        Add("to", To?.ToString("yyyy-MM-dd"));
        foreach (var type in Types ?? [])
        {
            Add("type", type);
        }
        Add("goal", Goal);
        Add("campaignId", CampaignId);
        Add("spokesperson", Spokesperson);
        Add("tone", Tone);
        Add("q", Q);
        Add("includeWithdrawn", IncludeWithdrawn ? "true" : null);
        Add("countsFor", CountsFor);
        Add("sort", Sort);
        Add("desc", Desc ? null : "false");
        if (paged)
        {
            Add("skip", Skip);
            Add("take", Take);
        }
        return string.Join("&", parts);
    }
}
