using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;

namespace StrategyPlatform.MediaEvents.Files;

/// <summary>
/// The columns of the CSV import and of both exports. An export carries the import's columns under
/// the same names (plus read-only ones the import ignores), so a user can take an export as the
/// template for an import. Lists inside a cell are separated by " | ".
/// </summary>
public static class MediaEventColumns
{
    public const string ListSeparator = " | ";

    public static readonly IReadOnlyList<string> Required = ["startsAt", "type", "title"];

    public static readonly IReadOnlyList<string> Editable =
    [
        "startsAt", "endsAt", "type", "title", "summary", "goals", "campaign", "spokespersonName", "spokespersonLevel",
        "outlets", "estimatedReach", "tone", "coverageLinks", "language", "communicatesAchievement",
    ];

    public static readonly IReadOnlyList<string> Export =
        ["id", "version", "date", .. Editable, "priorities", "countsAsProactive", "countsAsAchievement", "withdrawnAt", "withdrawnReason"];

    /// <summary>One event as an export row: times in Latvian wall-clock time, numbers and booleans typed.</summary>
    public static IReadOnlyList<object?> Row(MediaEventDto e) =>
    [
        e.Id.ToString(), e.Version, e.Date,
        LatvianTime.Local(e.StartsAt), e.EndsAt is { } end ? LatvianTime.Local(end) : null, e.Type.ToString(), e.Title, e.Summary,
        Join(e.Goals), e.CampaignName, e.SpokespersonName, e.SpokespersonLevel?.ToString(), Join(e.Outlets), e.EstimatedReach,
        e.Tone?.ToString(), Join(e.CoverageLinks), e.Language, e.CommunicatesAchievement,
        Join(e.Priorities), e.CountsAsProactive, e.CountsAsAchievement,
        e.WithdrawnAt is { } withdrawn ? LatvianTime.Local(withdrawn) : null, e.WithdrawnReason,
    ];

    private static string? Join<T>(IReadOnlyList<T> items) => items.Count == 0 ? null : string.Join(ListSeparator, items);
}
