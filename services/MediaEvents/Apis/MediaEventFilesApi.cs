using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.MediaEvents.Files;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>CSV import of historical events, and the list (with any filters) as CSV or Excel.</summary>
public static class MediaEventFilesApi
{
    private const long MaxFileBytes = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMediaEventFilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/media-events").WithTags("Media event files").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("export.csv", ExportCsv);
        api.MapGet("export.xlsx", ExportXlsx);
        // Callers authenticate with a bearer token, never a cookie, so there is no cross-site form to forge.
        api.MapPost("import", Import).RequireAuthorization(StaffPolicies.ManageMediaEvents).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024)); // the file and its multipart envelope
        return app;
    }

    public static async Task<Results<Ok<ImportReport>, ValidationProblem>> Import(
        IFormFile file, ClaimsPrincipal user, MediaEventImport import, CancellationToken ct)
    {
        if (file.Length > MaxFileBytes)
        {
            return Refused(new ImportReport(0, [new ImportError(0, "file", ErrorCodes.FileTooLarge, $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.")]));
        }
        await using var stream = file.OpenReadStream();
        var report = await import.ImportAsync(stream, Actor.From(user), AuditActor.From(user), ct);
        return report.Errors.Count == 0 ? TypedResults.Ok(report) : Refused(report);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCsv(
        [AsParameters] MediaEventFilter filter, NpgsqlDataSource db, TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        if (filter.Validate(paged: false) is { Count: > 0 } errors)
        {
            return errors.ToProblem();
        }
        var rows = await ExportedAsync(filter, db, user, audit, "csv", ct);
        return TypedResults.File(Csv.Write(MediaEventColumns.Export, rows.Select(MediaEventColumns.Row)), "text/csv; charset=utf-8", FileName(clock, "csv"));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportXlsx(
        [AsParameters] MediaEventFilter filter, NpgsqlDataSource db, TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        if (filter.Validate(paged: false) is { Count: > 0 } errors)
        {
            return errors.ToProblem();
        }
        var rows = await ExportedAsync(filter, db, user, audit, "xlsx", ct);
        return TypedResults.File(Xlsx.Write(new XlsxSheet("Media events", MediaEventColumns.Export, rows.Select(MediaEventColumns.Row))), Xlsx.ContentType, FileName(clock, "xlsx"));
    }

    /// <summary>The events to export, and the download in the audit trail.</summary>
    private static async Task<IReadOnlyList<MediaEventDto>> ExportedAsync(
        MediaEventFilter filter, NpgsqlDataSource db, ClaimsPrincipal user, IAuditTrail audit, string format, CancellationToken ct)
    {
        var rows = await MediaEventQueries.AllAsync(db, filter, ct);
        await audit.RecordAsync(AuditActor.From(user), "export.media-events", null, new { format, events = rows.Count }, ct);
        return rows;
    }

    private static string FileName(TimeProvider clock, string extension) => $"media-events-{LatvianTime.Today(clock):yyyy-MM-dd}.{extension}";

    /// <summary>The same 400 as every validation: each bad cell as <c>lines[3].endsAt</c> (or <c>file</c>) with its message and code.</summary>
    private static ValidationProblem Refused(ImportReport report)
    {
        var errors = new FieldErrors();
        foreach (var e in report.Errors)
        {
            errors.Add(e.Field is "file" or "header" ? FieldErrors.FileField : FieldErrors.LineField(e.Line, e.Field), e.Code, e.Message);
        }
        return errors.ToProblem("The file was not imported.",
            $"{report.Errors.Select(e => e.Line).Distinct().Count()} line(s) have errors; nothing was imported. Correct them and import the file again.");
    }
}
