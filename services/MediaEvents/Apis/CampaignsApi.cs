using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.MediaEvents.Campaigns;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/media-events/campaigns").WithTags("Campaigns").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("", ListCampaigns);
        api.MapGet("{id:guid}", GetCampaign);
        api.MapPost("", CreateCampaign).RequireAuthorization(StaffPolicies.ManageMediaEvents);
        api.MapPut("{id:guid}", UpdateCampaign).RequireAuthorization(StaffPolicies.ManageMediaEvents);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CampaignDto>>> ListCampaigns(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<CampaignRow>(new CommandDefinition(
            $"{CampaignRow.Select} ORDER BY c.period_from DESC, lower(c.name)", cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<CampaignDto>>([.. rows.Select(r => r.ToDto())]);
    }

    public static async Task<Results<Ok<CampaignDto>, NotFound>> GetCampaign(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(connection, null, id, ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(row.ToDto());
    }

    public static async Task<Results<Created<CampaignDto>, ValidationProblem>> CreateCampaign(
        CampaignInput input, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (input.Validate() is { Count: > 0 } errors)
        {
            return errors.ToProblem();
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await NameTakenAsync(tx, input.Name!, null, ct))
        {
            return NameTaken();
        }
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO campaigns (id, name, period_from, period_to, goals, target_groups, created_by, created_at, updated_by, updated_at)
            VALUES (@id, @Name, @PeriodFrom, @PeriodTo, @Goals, @TargetGroups, @actor, @now, @actor, @now)
            """, Parameters(id, input, Actor.From(user), clock.GetUtcNow()), tx, cancellationToken: ct));
        var created = (await FindAsync(connection, tx, id, ct))!;
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/media-events/campaigns/{id}", created.ToDto());
    }

    public static async Task<Results<Ok<CampaignDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCampaign(
        Guid id, CampaignInput input, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Validate();
        if (input.Version is null) { errors.Add("version", ErrorCodes.VersionRequired, "Send the version of the campaign you edited."); }
        if (errors.Count > 0)
        {
            return errors.ToProblem();
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await FindAsync(connection, tx, id, ct, forUpdate: true);
        if (current is null)
        {
            return TypedResults.NotFound();
        }
        if (current.Version != input.Version)
        {
            return TypedResults.Problem(
                $"Someone else changed the campaign after you opened it (you edited version {input.Version}, it is now version {current.Version}).",
                statusCode: StatusCodes.Status409Conflict, title: "The campaign has changed.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = current.Version });
        }
        if (await NameTakenAsync(tx, input.Name!, id, ct))
        {
            return NameTaken();
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE campaigns SET version = version + 1, name = @Name, period_from = @PeriodFrom, period_to = @PeriodTo, goals = @Goals,
                target_groups = @TargetGroups, updated_by = @actor, updated_at = @now
            WHERE id = @id
            """, Parameters(id, input, Actor.From(user), clock.GetUtcNow()), tx, cancellationToken: ct));
        var updated = (await FindAsync(connection, tx, id, ct))!;
        await tx.CommitAsync(ct);
        return TypedResults.Ok(updated.ToDto());
    }

    private static Task<CampaignRow?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            $"{CampaignRow.Select} WHERE c.id = @id{(forUpdate ? " FOR UPDATE OF c" : "")}", new { id }, tx, cancellationToken: ct));

    private static Task<bool> NameTakenAsync(NpgsqlTransaction tx, string name, Guid? except, CancellationToken ct) =>
        tx.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM campaigns WHERE lower(name) = lower(@name) AND id IS DISTINCT FROM @except)",
            new { name = name.Trim(), except }, tx, cancellationToken: ct));

    private static ValidationProblem NameTaken() =>
        FieldErrors.Problem("name", ErrorCodes.Duplicate, "A campaign with this name already exists.");

    private static object Parameters(Guid id, CampaignInput input, Actor actor, DateTimeOffset now) => new
    {
        id,
        Name = input.Name!.Trim(),
        PeriodFrom = input.PeriodFrom!.Value.ToDateTime(TimeOnly.MinValue),
        PeriodTo = input.PeriodTo?.ToDateTime(TimeOnly.MinValue),
        Goals = (input.Goals ?? []).Distinct().Order().ToArray(),
        TargetGroups = (input.TargetGroups ?? []).Select(g => g.Trim()).Where(g => g.Length > 0).Distinct().ToArray(),
        actor = actor.Id,
        now,
    };
}
