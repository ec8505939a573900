using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Kpi.Activities;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The equal-opportunities project's activity targets and the progress measured toward them.</summary>
public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/kpi/activities").WithTags("Project activities");
        api.MapGet("", ListActivities).RequireAuthorization(StaffPolicies.Staff);
        api.MapPost("{code}/progress", RecordProgress).RequireAuthorization(StaffPolicies.Administer);
        return app;
    }

    /// <param name="Note">In Latvian; <paramref name="NoteEn"/> the same in English, when given.</param>
    public sealed record ProgressView(DateTime AsOf, int? Participants, int? Organisations, int? Sessions, string? Note, string EnteredBy, DateTime EnteredAt, string? NoteEn = null);

    /// <param name="ParticipantsShare">Latest participants as a percentage of the target; null while not yet counted.</param>
    public sealed record ActivityView(string Code, LocalizedText Name, int? TargetParticipants, int? TargetOrganisations, DateOnly Deadline,
        LocalizedText ParticipantsAre, LocalizedText OrganisationsAre, ProgressView? Latest, decimal? ParticipantsShare, decimal? OrganisationsShare,
        IReadOnlyList<ProgressView> Progress);

    public sealed record ProgressRequest(
        [Required] DateOnly? AsOf, [Range(0, 100000)] int? Participants, [Range(0, 10000)] int? Organisations,
        [Range(0, 10000)] int? Sessions, [MaxLength(4000)] string? Note, [MaxLength(4000)] string? NoteEn = null);

    public static async Task<Ok<IReadOnlyList<ActivityView>>> ListActivities(KpiServices services, CancellationToken ct)
    {
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        var activities = await connection.QueryAsync<string>(new CommandDefinition("SELECT definition::text FROM activities ORDER BY sort_order", cancellationToken: ct));
        var progress = (await connection.QueryAsync<(string Code, DateTime AsOf, int? Participants, int? Organisations, int? Sessions, string? Note, string EnteredBy, DateTime EnteredAt, string? NoteEn)>(
            new CommandDefinition("""
                SELECT activity_code, as_of, participants, organisations, sessions, note, entered_by, entered_at, note_en
                FROM activity_progress ORDER BY as_of DESC, entered_at DESC
                """, cancellationToken: ct)))
            .ToLookup(p => p.Code, p => new ProgressView(p.AsOf, p.Participants, p.Organisations, p.Sessions, p.Note, p.EnteredBy, p.EnteredAt, p.NoteEn));
        return TypedResults.Ok<IReadOnlyList<ActivityView>>(activities.Select(KpiJson.Deserialize<ProjectActivity>).Select(a =>
        {
            var history = progress[a.Code].ToList();
            var latest = history.FirstOrDefault();
            return new ActivityView(a.Code, a.Name, a.TargetParticipants, a.TargetOrganisations, a.Deadline, a.ParticipantsAre, a.OrganisationsAre,
                latest, Share(history.FirstOrDefault(h => h.Participants is not null)?.Participants, a.TargetParticipants),
                Share(history.FirstOrDefault(h => h.Organisations is not null)?.Organisations, a.TargetOrganisations), history);
        }).ToList());
    }

    public static async Task<Results<Created, NotFound>> RecordProgress(string code, ProgressRequest request, ClaimsPrincipal user, KpiServices services, CancellationToken ct)
    {
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO activity_progress (id, activity_code, as_of, participants, organisations, sessions, note, note_en, entered_by, entered_at)
            SELECT @id, code, @asOf, @Participants, @Organisations, @Sessions, @Note, @NoteEn, @by, @now FROM activities WHERE code = @code
            """, new
        {
            id = Guid.CreateVersion7(), code, asOf = request.AsOf!.Value.ToDateTime(TimeOnly.MinValue), request.Participants, request.Organisations,
            request.Sessions, request.Note, request.NoteEn, by = user.UserId() ?? "unknown", now = services.Clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        if (added == 0)
        {
            return TypedResults.NotFound();
        }
        await services.Audit.RecordAsync(tx, AuditActor.From(user), "activity.progress-recorded", code,
            new { request.AsOf, request.Participants, request.Organisations, request.Sessions }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created("/api/kpi/activities");
    }

    private static decimal? Share(int? done, int? target) => done is null || target is null or 0 ? null : Math.Round(100m * done.Value / target.Value, 1);
}
