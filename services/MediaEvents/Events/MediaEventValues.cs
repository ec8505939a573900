using System.Globalization;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Counting;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>A media event's editable fields after validation: trimmed, de-duplicated, complete.</summary>
public sealed record MediaEventValues(
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    MediaEventType Type,
    string Title,
    string Summary,
    int[] Goals,
    Guid? CampaignId,
    string? SpokespersonName,
    SpokespersonLevel? SpokespersonLevel,
    string[] Outlets,
    long? EstimatedReach,
    CoverageTone? Tone,
    string[] CoverageLinks,
    string Language,
    bool CommunicatesAchievement)
{
    /// <summary>
    /// What the KPI aggregator counts of these values on <paramref name="date"/> (the Latvian day the
    /// database derived). The one place facts are built: the outbox messages and the replay feed
    /// both come here, so a replay cannot count differently from the live messages.
    /// </summary>
    public MediaEventFacts FactsOn(DateOnly date) => new(
        date, Type, CountingRule.CountsForIndicator13(Type), CountingRule.CountsForIndicator14(Type, CommunicatesAchievement), Goals, CampaignId);

    /// <summary>What changed from <paramref name="before"/> to this, field by field, as the history shows it.</summary>
    public IReadOnlyList<HistoryChange> ChangesSince(MediaEventValues before)
    {
        var changes = new List<HistoryChange>();
        void Compare(string field, string? from, string? to)
        {
            if (from != to)
            {
                changes.Add(new HistoryChange(field, from, to));
            }
        }
        Compare("startsAt", Format(before.StartsAt), Format(StartsAt));
        Compare("endsAt", Format(before.EndsAt), Format(EndsAt));
        Compare("type", before.Type.ToString(), Type.ToString());
        Compare("title", before.Title, Title);
        Compare("summary", before.Summary, Summary);
        Compare("goals", Format(before.Goals), Format(Goals));
        Compare("campaignId", before.CampaignId?.ToString(), CampaignId?.ToString());
        Compare("spokespersonName", before.SpokespersonName, SpokespersonName);
        Compare("spokespersonLevel", before.SpokespersonLevel?.ToString(), SpokespersonLevel?.ToString());
        Compare("outlets", Format(before.Outlets), Format(Outlets));
        Compare("estimatedReach", before.EstimatedReach?.ToString(CultureInfo.InvariantCulture), EstimatedReach?.ToString(CultureInfo.InvariantCulture));
        Compare("tone", before.Tone?.ToString(), Tone?.ToString());
        Compare("coverageLinks", Format(before.CoverageLinks), Format(CoverageLinks));
        Compare("language", before.Language, Language);
        Compare("communicatesAchievement", Format(before.CommunicatesAchievement), Format(CommunicatesAchievement));
        // Derived, but it is what indicator 13 sees, so the history says when it flipped.
        Compare("countsAsProactive", Format(CountingRule.CountsForIndicator13(before.Type)), Format(CountingRule.CountsForIndicator13(Type)));
        return changes;
    }

    private static string? Format(DateTimeOffset? instant) => instant?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string? Format<T>(IReadOnlyList<T> items) => items.Count == 0 ? null : string.Join(" | ", items);

    private static string Format(bool value) => value ? "true" : "false";
}
