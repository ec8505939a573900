using Dapper;
using Npgsql;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.MediaEvents.Files;

/// <summary>A problem in the file: the line (the header is line 1), the column or field, its code (<see cref="ErrorCodes"/>) and what is wrong.</summary>
public sealed record ImportError(int Line, string Field, string Code, string Message);

public sealed record ImportReport(int Imported, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports historical events from CSV: every row is checked first and the report lists every bad
/// row; only a file without errors is imported, all of it in one transaction (with a
/// <c>MediaEventRecorded</c> per row through the outbox), so nothing is ever half-imported.
/// </summary>
public sealed class MediaEventImport(NpgsqlDataSource db, MediaEventWriter writer, IAuditTrail audit)
{
    public const int MaxRows = 5000;

    public async Task<ImportReport> ImportAsync(Stream file, Actor actor, AuditActor by, CancellationToken ct)
    {
        var (header, rows) = await Csv.ReadAsync(file, ct);
        var missing = MediaEventColumns.Required.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return Refused(new ImportError(1, "header", ErrorCodes.MissingColumns, $"The file needs the columns {string.Join(", ", missing)} (and may have: {string.Join(", ", MediaEventColumns.Editable)})."));
        }
        if (rows.Count == 0)
        {
            return Refused(new ImportError(1, "file", ErrorCodes.EmptyFile, "The file has no rows to import."));
        }
        if (rows.Count > MaxRows)
        {
            return Refused(new ImportError(1, "file", ErrorCodes.FileTooLarge, $"A file can hold at most {MaxRows} events; split it into several files."));
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var campaigns = (await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(
                "SELECT id, name FROM campaigns", transaction: tx, cancellationToken: ct)))
            .ToDictionary(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);

        var errors = new List<ImportError>();
        var valid = new List<(int Line, MediaEventValues Values)>();
        foreach (var row in rows)
        {
            var (input, cellErrors) = MediaEventCsvRow.Read(row, campaigns);
            errors.AddRange(cellErrors.Select(e => new ImportError(row.Line, e.Key, e.Value.Code, e.Value.Message)));
            // The validator checks the readable cells too; an unreadable cell is reported once, by the reader.
            var fieldErrors = MediaEventValidator.Validate(input, out var values);
            errors.AddRange(fieldErrors.Where(e => !cellErrors.ContainsKey(e.Key))
                .SelectMany(e => e.Value.Select(error => new ImportError(row.Line, e.Key, error.Code, error.Message))));
            if (values is not null && cellErrors.Count == 0)
            {
                valid.Add((row.Line, values));
            }
        }
        errors.AddRange(await DuplicatesAsync(tx, valid, ct));
        if (errors.Count > 0)
        {
            return new ImportReport(0, [.. errors.OrderBy(e => e.Line)]);
        }
        foreach (var (_, values) in valid)
        {
            await writer.RecordAsync(tx, values, actor, ct);
        }
        await audit.RecordAsync(tx, by, "media-events.imported", null, new { imported = valid.Count }, ct);
        await tx.CommitAsync(ct);
        return new ImportReport(valid.Count, []);
    }

    /// <summary>
    /// A row whose start and title match a logged event, or an earlier row, is most likely the same
    /// event imported twice; counting it twice would inflate indicators 13 and 14.
    /// </summary>
    private static async Task<List<ImportError>> DuplicatesAsync(
        NpgsqlTransaction tx, IReadOnlyList<(int Line, MediaEventValues Values)> rows, CancellationToken ct)
    {
        var logged = (await tx.Connection!.QueryAsync<(DateTime StartsAt, string Title)>(new CommandDefinition(
                "SELECT starts_at, title FROM media_events WHERE withdrawn_at IS NULL AND starts_at = ANY(@starts)",
                new { starts = rows.Select(r => r.Values.StartsAt.UtcDateTime).ToArray() }, tx, cancellationToken: ct)))
            .Select(e => (e.StartsAt, e.Title.ToLowerInvariant()))
            .ToHashSet();
        var seen = new HashSet<(DateTime, string)>();
        return [.. rows
            .Where(r =>
            {
                var key = (r.Values.StartsAt.UtcDateTime, r.Values.Title.ToLowerInvariant());
                return !seen.Add(key) || logged.Contains(key);
            })
            .Select(r => new ImportError(r.Line, "title", ErrorCodes.Duplicate, "An event with this start and title is already logged, or appears earlier in the file."))];
    }

    private static ImportReport Refused(ImportError error) => new(0, [error]);
}
