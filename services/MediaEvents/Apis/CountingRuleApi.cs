using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Counting;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The counting rule of indicators 13 and 14 as the pages show it: each type with its reason, and when each version took effect.</summary>
public static class CountingRuleApi
{
    public static IEndpointRouteBuilder MapCountingRuleApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/media-events").WithTags("Media events").RequireAuthorization(StaffPolicies.Staff)
            .MapGet("rules", Rules);
        return app;
    }

    public sealed record RuleVersion(int Version, DateTimeOffset AppliedAt, IReadOnlyList<MediaEventType> CountedTypes, RuleText Summary, int EventsRecounted);

    /// <param name="History">Every version, newest first, with when it took effect and how many events it recounted.</param>
    public sealed record CountingRules(int Version, RuleText Summary, IReadOnlyList<TypeRule> Types, RuleText AchievementRule, IReadOnlyList<RuleVersion> History);

    public static async Task<Ok<CountingRules>> Rules(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var history = await connection.QueryAsync<(int Version, DateTime AppliedAt, string[] CountedTypes, string Lv, string En, int EventsRecounted)>(new CommandDefinition(
            "SELECT version, applied_at, counted_types, summary_lv, summary_en, events_recounted FROM counting_rule_versions ORDER BY version DESC",
            cancellationToken: ct));
        return TypedResults.Ok(new CountingRules(CountingRule.Version, CountingRule.Summary, CountingRule.Types, CountingRule.AchievementRule,
            [.. history.Select(h => new RuleVersion(h.Version, new DateTimeOffset(DateTime.SpecifyKind(h.AppliedAt, DateTimeKind.Utc)),
                [.. h.CountedTypes.Select(Enum.Parse<MediaEventType>)], new RuleText(h.Lv, h.En), h.EventsRecounted))]));
    }
}
