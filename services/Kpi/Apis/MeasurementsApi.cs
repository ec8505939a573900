using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.Kpi.Years;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Values entered by the responsible units, with their history and the commentary per period.</summary>
public static class MeasurementsApi
{
    public static IEndpointRouteBuilder MapMeasurementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/kpi/indicators/{number}").WithTags("Measurements");
        api.MapPost("measurements", EnterMeasurement).RequireAuthorization(StaffPolicies.EnterMeasurements);
        api.MapPost("commentary", AddCommentary).RequireAuthorization(StaffPolicies.Staff);
        return app;
    }

    /// <param name="Reason">Required when the year already has a value (a correction) and always after the year is locked.</param>
    public sealed record EnterMeasurementRequest(
        [Range(StrategyYears.First, StrategyYears.Last)] int Year,
        [Required] decimal? Value,
        [MaxLength(4000)] string? Comment,
        [MaxLength(1000)] string? Source,
        [MaxLength(4000)] string? Reason);

    public sealed record MeasurementEntered(Guid Id, string Number, int Year, decimal Value, bool IsCorrection, int DefinitionVersion);

    public sealed record CommentaryRequest([Range(StrategyYears.First, StrategyYears.Last)] int Year, [Required, MinLength(1), MaxLength(4000)] string Comment);

    public static async Task<Results<Created<MeasurementEntered>, NotFound, ValidationProblem, ProblemHttpResult>> EnterMeasurement(
        string number, EnterMeasurementRequest request, ClaimsPrincipal user, KpiServices services, CancellationToken ct)
    {
        var snapshot = await services.SnapshotAsync(ct);
        if (snapshot.Find(number) is not { } entry)
        {
            return TypedResults.NotFound();
        }
        var d = entry.Definition;
        if (!MayAnswerFor(user, d))
        {
            return Forbidden($"Indicator {number} is measured by {string.Join(", ", d.ResponsibleUnits)}; your units are {string.Join(", ", user.Units())}.");
        }
        if (d.Origin == ValueOrigin.Computed)
        {
            return FieldErrors.Problem("number", ErrorCodes.ComputedIndicator, $"Indicator {number} is computed by the platform from the surveys and the media-events log; it cannot be entered.");
        }
        if (MeasurementRules.Validate(d, request.Year, request.Value!.Value) is { Count: > 0 } invalid)
        {
            return invalid.ToProblem();
        }

        await using var connection = await services.Db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await IndicatorWriteLock.TakeAsync(tx, [number], ct);
        var locked = await YearLocks.IsLockedAsync(tx, request.Year, ct);
        var existing = await connection.ExecuteScalarAsync<Guid?>(
            "SELECT id FROM measurements WHERE indicator_number = @number AND year = @Year AND superseded_at IS NULL", new { number, request.Year }, tx);
        if (locked && !user.IsInRole(StaffRoles.Administrator))
        {
            return Forbidden($"{request.Year} is locked after the monitoring group's review; only an Administrator can correct it, with a reason.");
        }
        if ((existing is not null || locked) && string.IsNullOrWhiteSpace(request.Reason))
        {
            return FieldErrors.Problem("reason", ErrorCodes.CorrectionReasonRequired,
                locked ? $"{request.Year} is locked: say why it is corrected." : $"{request.Year} already has a value: say why it is corrected.");
        }
        var now = services.Clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var by = Actor.From(user);
        await connection.ExecuteAsync("""
            UPDATE measurements SET superseded_at = @now WHERE id = @existing;
            INSERT INTO measurements (id, indicator_number, year, value, comment, source, entered_by, entered_by_name, entered_at, correction_reason, definition_version)
            VALUES (@id, @number, @Year, @Value, @Comment, @Source, @ById, @ByName, @now, @reason, (SELECT version FROM indicators WHERE number = @number));
            """, new { id, existing, number, request.Year, request.Value, request.Comment, request.Source, ById = by.Id, ByName = by.Name, now, reason = existing is null && !locked ? null : request.Reason }, tx);
        await services.Statuses.PublishAsync(tx, [(number, request.Year)], ct);
        await services.Audit.RecordAsync(tx, AuditActor.From(user), existing is null ? "measurement.entered" : "measurement.corrected", number,
            new { request.Year, request.Value, request.Reason, locked, units = user.Units().Order() }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/kpi/indicators/{number}", new MeasurementEntered(id, number, request.Year, request.Value!.Value, existing is not null, entry.Version));
    }

    public static async Task<Results<Created, NotFound, ProblemHttpResult>> AddCommentary(
        string number, CommentaryRequest request, ClaimsPrincipal user, KpiServices services, CancellationToken ct)
    {
        var snapshot = await services.SnapshotAsync(ct);
        if (snapshot.Find(number) is not { } entry)
        {
            return TypedResults.NotFound();
        }
        // The monitoring group (leadership) comments on any indicator; a unit on its own.
        var allowed = user.IsInRole(StaffRoles.Leadership) || user.IsInRole(StaffRoles.Administrator)
            || user.IsInRole(StaffRoles.IndicatorOwner) && MayAnswerFor(user, entry.Definition);
        if (!allowed)
        {
            return Forbidden($"Commentary on indicator {number} is written by its responsible units or leadership.");
        }
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        var by = Actor.From(user);
        await connection.ExecuteAsync("""
            INSERT INTO period_comments (id, indicator_number, year, comment, author, author_name, written_at) VALUES (@id, @number, @Year, @Comment, @ById, @ByName, @now)
            """, new { id = Guid.CreateVersion7(), number, request.Year, request.Comment, ById = by.Id, ByName = by.Name, now = services.Clock.GetUtcNow() });
        return TypedResults.Created($"/api/kpi/indicators/{number}");
    }

    private static bool MayAnswerFor(ClaimsPrincipal user, IndicatorDefinition d) => user.Units().Overlaps(d.ResponsibleUnits);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for this indicator");
}
