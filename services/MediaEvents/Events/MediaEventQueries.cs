using Dapper;
using Npgsql;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>Reads for the list, the calendar and the exports.</summary>
internal static class MediaEventQueries
{
    public const int ExportLimit = 50_000;

    public static async Task<MediaEventPage> PageAsync(NpgsqlDataSource db, MediaEventFilter filter, CancellationToken ct)
    {
        var (where, parameters) = filter.ToSql();
        parameters.Add("skip", filter.Skip);
        parameters.Add("take", filter.Take);
        await using var connection = await db.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM media_events e LEFT JOIN campaigns c ON c.id = e.campaign_id {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<MediaEventRow>(new CommandDefinition(
            $"{MediaEventRow.Select} {where} {filter.OrderBy} OFFSET @skip LIMIT @take", parameters, cancellationToken: ct));
        return new MediaEventPage([.. rows.Select(r => r.ToDto())], total, filter.Skip, filter.Take);
    }

    public static async Task<IReadOnlyList<MediaEventDto>> AllAsync(NpgsqlDataSource db, MediaEventFilter filter, CancellationToken ct)
    {
        var (where, parameters) = filter.ToSql();
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<MediaEventRow>(new CommandDefinition(
            $"{MediaEventRow.Select} {where} {filter.OrderBy} LIMIT {ExportLimit}", parameters, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDto())];
    }

    /// <summary>Events on any day of the month (Latvian time), withdrawn ones left out, earliest first.</summary>
    public static async Task<IReadOnlyList<MediaEventDto>> MonthAsync(NpgsqlDataSource db, int year, int month, CancellationToken ct)
    {
        var first = new DateTime(year, month, 1);
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<MediaEventRow>(new CommandDefinition(
            $"{MediaEventRow.Select} WHERE e.withdrawn_at IS NULL AND e.starts_on <= @last AND e.ends_on >= @first ORDER BY e.starts_at, e.id",
            new { first, last = first.AddMonths(1).AddDays(-1) }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDto())];
    }
}
