using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.MediaEvents.Campaigns;

/// <param name="Goals">The strategy goals (1–10) the campaign serves.</param>
/// <param name="TargetGroups">Who the campaign addresses (e.g. NGOs, municipalities, Latvian residents); its evaluation surveys ask them.</param>
/// <param name="Version">On edit, the version the user edited; ignored on create.</param>
public sealed record CampaignInput(string? Name, DateOnly? PeriodFrom, DateOnly? PeriodTo, IReadOnlyList<int>? Goals, IReadOnlyList<string>? TargetGroups, int? Version = null)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Name)) { errors.Add("name", ErrorCodes.Required, "The name is required."); }
        else if (Name.Trim().Length > 200) { errors.Add("name", ErrorCodes.TooLong, "The name must be at most 200 characters long."); }
        if (PeriodFrom is null) { errors.Add("periodFrom", ErrorCodes.Required, "The start of the period is required."); }
        if (PeriodTo < PeriodFrom) { errors.Add("periodTo", ErrorCodes.EndsBeforeStarts, "The period cannot end before it starts."); }
        var goals = Goals ?? [];
        for (var i = 0; i < goals.Count; i++)
        {
            if (goals[i] is < 1 or > 10) { errors.Add($"goals[{i}]", ErrorCodes.OutOfRange, $"Goal {goals[i]} is not one of the strategy's goals 1–10."); }
        }
        if ((TargetGroups ?? []).Any(g => g.Trim().Length > 200)) { errors.Add("targetGroups", ErrorCodes.TooLong, "A target group must be at most 200 characters long."); }
        return errors;
    }
}

/// <param name="EventCount">Events of the campaign, withdrawn ones left out.</param>
public sealed record CampaignDto(
    Guid Id, int Version, string Name, DateOnly PeriodFrom, DateOnly? PeriodTo, IReadOnlyList<int> Goals, IReadOnlyList<string> TargetGroups, int EventCount);

internal sealed class CampaignRow
{
    public const string Select = """
        SELECT c.id, c.version, c.name, c.period_from AS PeriodFrom, c.period_to AS PeriodTo, c.goals, c.target_groups AS TargetGroups,
               (SELECT count(*) FROM media_events e WHERE e.campaign_id = c.id AND e.withdrawn_at IS NULL)::int AS EventCount
        FROM campaigns c
        """;

    public Guid Id { get; init; }
    public int Version { get; init; }
    public string Name { get; init; } = "";
    public DateTime PeriodFrom { get; init; }
    public DateTime? PeriodTo { get; init; }
    public int[] Goals { get; init; } = [];
    public string[] TargetGroups { get; init; } = [];
    public int EventCount { get; init; }

    public CampaignDto ToDto() => new(
        Id, Version, Name, DateOnly.FromDateTime(PeriodFrom), PeriodTo is { } to ? DateOnly.FromDateTime(to) : null, Goals, TargetGroups, EventCount);
}
