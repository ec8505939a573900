using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/kpi/indicators").WithTags("Indicators").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("", ListIndicators);
        api.MapGet("{number}", GetIndicator);
        api.MapPut("{number}", DefinitionEdits.EditDefinition).RequireAuthorization(StaffPolicies.Administer);
        return app;
    }

    // Each "by" is the account id with the name the caller's token carried, for when the portal cannot name the account.
    public sealed record MeasurementView(Guid Id, int Year, decimal Value, string? Comment, string? Source, string EnteredBy, string? EnteredByName,
        DateTime EnteredAt, string? CorrectionReason, int DefinitionVersion, bool IsCurrent, DateTime? SupersededAt);

    public sealed record PeriodCommentView(Guid Id, int Year, string Comment, string Author, string? AuthorName, DateTime WrittenAt);

    public sealed record DefinitionVersionView(int Version, IndicatorDefinition Definition, DateTimeOffset ChangedAt, string ChangedBy, string? ChangedByName, string Reason);

    public sealed record IndicatorDetail(IndicatorSummary Indicator, IndicatorDefinition Definition, IReadOnlyList<MeasurementView> Measurements,
        IReadOnlyList<PeriodCommentView> Commentary, IReadOnlyList<DefinitionVersionView> History);

    public static async Task<Ok<IReadOnlyList<IndicatorSummary>>> ListIndicators(KpiServices services, CancellationToken ct)
    {
        var snapshot = await services.SnapshotAsync(ct);
        return TypedResults.Ok<IReadOnlyList<IndicatorSummary>>(
            IndicatorViews.DashboardOrder(snapshot.Catalogue).Select(e => IndicatorViews.Summary(snapshot, e)).ToList());
    }

    public static async Task<Results<Ok<IndicatorDetail>, NotFound>> GetIndicator(string number, KpiServices services, CancellationToken ct)
    {
        var snapshot = await services.SnapshotAsync(ct);
        if (snapshot.Find(number) is not { } entry)
        {
            return TypedResults.NotFound();
        }
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        var measurements = await connection.QueryAsync<MeasurementView>(new CommandDefinition("""
            SELECT id, year, value, comment, source, entered_by AS EnteredBy, entered_by_name AS EnteredByName, entered_at AS EnteredAt, correction_reason AS CorrectionReason,
                   definition_version AS DefinitionVersion, superseded_at IS NULL AS IsCurrent, superseded_at AS SupersededAt
            FROM measurements WHERE indicator_number = @number ORDER BY year, entered_at DESC
            """, new { number }, cancellationToken: ct));
        var comments = await connection.QueryAsync<PeriodCommentView>(new CommandDefinition("""
            SELECT id, year, comment, author, author_name AS AuthorName, written_at AS WrittenAt FROM period_comments WHERE indicator_number = @number ORDER BY year, written_at
            """, new { number }, cancellationToken: ct));
        var history = (await connection.QueryAsync<(int Version, string Definition, DateTime ChangedAt, string ChangedBy, string? ChangedByName, string Reason)>(new CommandDefinition("""
            SELECT version, definition::text, changed_at, changed_by, changed_by_name, reason FROM indicator_versions WHERE number = @number ORDER BY version DESC
            """, new { number }, cancellationToken: ct)))
            .Select(h => new DefinitionVersionView(h.Version, KpiJson.Deserialize<IndicatorDefinition>(h.Definition), new DateTimeOffset(h.ChangedAt, TimeSpan.Zero), h.ChangedBy, h.ChangedByName, h.Reason))
            .ToList();
        return TypedResults.Ok(new IndicatorDetail(IndicatorViews.Summary(snapshot, entry), entry.Definition,
            measurements.ToList(), comments.ToList(), history));
    }
}
