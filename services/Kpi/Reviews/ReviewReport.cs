using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Reviews;

public sealed record ReviewRow(
    string Number, int Priority, bool IsKey, LocalizedText Indicator, IndicatorUnit Unit, Baseline? Baseline,
    LocalizedText Target, decimal? Value, int? N, decimal? CiLow, decimal? CiHigh, KpiStatus Status, ValueChange? Change,
    IReadOnlyList<string> ResponsibleUnits, string? Comment);

public sealed record ReviewReport(int Year, bool Locked, DateTimeOffset GeneratedAt, IReadOnlyList<ReviewRow> Rows);

/// <summary>The strategy monitoring group's review of a year: every indicator with value, target, status and comment.</summary>
public static class ReviewReports
{
    public static async Task<ReviewReport> BuildAsync(NpgsqlDataSource db, int year, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var snapshot = await KpiSnapshot.LoadAsync(connection, null, now, ct);
        // The comment of the current measurement and the period's commentary, oldest first.
        var comments = (await connection.QueryAsync<(string Number, string Comment)>(new CommandDefinition("""
            SELECT indicator_number, comment FROM (
                SELECT indicator_number, comment, entered_at AS at FROM measurements WHERE year = @year AND superseded_at IS NULL AND comment <> ''
                UNION ALL
                SELECT indicator_number, comment, written_at FROM period_comments WHERE year = @year) c
            ORDER BY at
            """, new { year }, cancellationToken: ct))).ToLookup(c => c.Number, c => c.Comment);
        var rows = IndicatorViews.DashboardOrder(snapshot.Catalogue).OrderBy(e => e.SortOrder).Select(e =>
        {
            var d = e.Definition;
            var y = IndicatorViews.Year(snapshot, d, year);
            var comment = comments[d.Number].ToList();
            return new ReviewRow(d.Number, d.Priority, d.IsKey, d.Indicator, d.Unit, d.Baseline, TargetText.Of(d), y.Value, y.N, y.CiLow, y.CiHigh,
                y.Status, y.Change, d.ResponsibleUnits, comment.Count == 0 ? null : string.Join(Environment.NewLine, comment));
        }).ToList();
        return new ReviewReport(year, snapshot.Clock.IsLocked(year), now, rows);
    }
}
