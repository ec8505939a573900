using System.Text.RegularExpressions;
using Dapper;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Counting;
using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>
/// The list's query string: filters, full-text search, sorting and paging. The export takes the
/// same filters, so "export what I see" is one click.
/// </summary>
/// <param name="From">First day (Latvian time), inclusive.</param>
/// <param name="To">Last day (Latvian time), inclusive.</param>
/// <param name="Spokesperson">Part of the spokesperson's name, any case.</param>
/// <param name="Q">Words to find in the title or summary; each word matches as a prefix, so "ministr" finds "ministrs" and "ministrija".</param>
/// <param name="CountsFor">13 or 14: only the events that count for that indicator, by <see cref="CountingRule"/>.</param>
/// <param name="Sort">date, title, type, reach, tone, spokesperson, campaign or updated.</param>
public sealed record MediaEventFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    MediaEventType[]? Type = null,
    int? Goal = null,
    Guid? CampaignId = null,
    string? Spokesperson = null,
    SpokespersonLevel? SpokespersonLevel = null,
    CoverageTone? Tone = null,
    bool IncludeWithdrawn = false,
    string? CountsFor = null,
    string? Q = null,
    string? Sort = null,
    bool Desc = true,
    int Skip = 0,
    int Take = 50)
{
    public const int MaxTake = 200;

    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = "e.starts_at", ["title"] = "lower(e.title)", ["type"] = "e.type", ["reach"] = "e.estimated_reach",
        ["tone"] = "e.tone", ["spokesperson"] = "lower(e.spokesperson_name)", ["campaign"] = "lower(c.name)", ["updated"] = "e.updated_at",
    };

    public FieldErrors Validate(bool paged = true)
    {
        var errors = new FieldErrors();
        if (paged && Skip < 0) { errors.Add("skip", ErrorCodes.OutOfRange, "skip cannot be negative."); }
        if (paged && Take is < 1 or > MaxTake) { errors.Add("take", ErrorCodes.OutOfRange, $"take must be between 1 and {MaxTake}."); }
        if (From > To) { errors.Add("to", ErrorCodes.EndsBeforeStarts, "The period cannot end before it starts."); }
        if (Goal is < 1 or > 10) { errors.Add("goal", ErrorCodes.OutOfRange, "The goal must be one of the strategy's goals 1–10."); }
        if (Sort is not null && !SortColumns.ContainsKey(Sort)) { errors.Add("sort", ErrorCodes.NotOffered, $"Sort by one of: {string.Join(", ", SortColumns.Keys)}."); }
        if (CountsFor is not (null or StrategyIndicators.ProactiveMediaEvents or StrategyIndicators.AchievementNews)) { errors.Add("countsFor", ErrorCodes.NotOffered, "Media events count for indicator 13 or 14."); }
        return errors;
    }

    /// <summary>The WHERE clause and its parameters.</summary>
    public (string Where, DynamicParameters Parameters) ToSql()
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        void Add(string condition, string name, object? value)
        {
            conditions.Add(condition);
            parameters.Add(name, value);
        }
        if (!IncludeWithdrawn) { conditions.Add("e.withdrawn_at IS NULL"); }
        if (From is { } from) { Add("e.starts_on >= @from", "from", from.ToDateTime(TimeOnly.MinValue)); }
        if (To is { } to) { Add("e.starts_on <= @to", "to", to.ToDateTime(TimeOnly.MinValue)); }
        if (Type is { Length: > 0 }) { Add("e.type = ANY(@types)", "types", Type.Select(t => t.ToString()).ToArray()); }
        if (Goal is { } goal) { Add("e.goals @> ARRAY[@goal]", "goal", goal); }
        if (CampaignId is { } campaign) { Add("e.campaign_id = @campaign", "campaign", campaign); }
        if (!string.IsNullOrWhiteSpace(Spokesperson)) { Add("e.spokesperson_name ILIKE @spokesperson", "spokesperson", $"%{EscapeLike(Spokesperson.Trim())}%"); }
        if (SpokespersonLevel is { } level) { Add("e.spokesperson_level = @level", "level", level.ToString()); }
        if (Tone is { } tone) { Add("e.tone = @tone", "tone", tone.ToString()); }
        if (CountsFor is { } indicator) { Add(CountingRule.SqlCondition(indicator), "countedTypes", CountingRule.CountedTypeNames.ToArray()); }
        if (PrefixQuery(Q) is { } query) { Add("e.search @@ to_tsquery('simple', @query)", "query", query); }
        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), parameters);
    }

    public string OrderBy =>
        $"ORDER BY {SortColumns[Sort ?? "date"]} {(Desc ? "DESC NULLS LAST" : "ASC NULLS LAST")}, e.starts_at DESC, e.id";

    /// <summary>Only letters and digits reach to_tsquery, so no user input is read as query syntax.</summary>
    private static string? PrefixQuery(string? text)
    {
        var words = Regex.Matches(text ?? "", @"[\p{L}\p{N}]+").Select(m => m.Value.ToLowerInvariant() + ":*").ToList();
        return words.Count == 0 ? null : string.Join(" & ", words);
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
