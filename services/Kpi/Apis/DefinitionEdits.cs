using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Kpi.Apis;

/// <summary>
/// An administrator's edit of a definition: the catalogue keeps every version with who, when and
/// why, and values entered from now on carry the new version, so the series shows a break there.
/// </summary>
public static class DefinitionEdits
{
    public sealed record DefinitionChange([Required] IndicatorDefinition Definition, [Required, MinLength(3), MaxLength(2000)] string Reason);

    public sealed record DefinitionChanged(string Number, int Version);

    public static async Task<Results<Ok<DefinitionChanged>, NotFound, ValidationProblem>> EditDefinition(
        string number, DefinitionChange change, ClaimsPrincipal user, KpiServices services, CancellationToken ct)
    {
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await IndicatorWriteLock.TakeAsync(tx, [number], ct);
        var current = await connection.QuerySingleOrDefaultAsync<CurrentRow>(
            "SELECT definition::text AS Definition, version FROM indicators WHERE number = @number", new { number }, tx);
        if (current is not { } row)
        {
            return TypedResults.NotFound();
        }
        var errors = DefinitionValidator.Validate(change.Definition, KpiJson.Deserialize<IndicatorDefinition>(row.Definition));
        if (errors.Count > 0)
        {
            return errors.ToProblem();
        }
        var version = row.Version + 1;
        var json = KpiJson.Serialize(change.Definition);
        var by = Actor.From(user);
        var now = services.Clock.GetUtcNow();
        await connection.ExecuteAsync("""
            UPDATE indicators SET definition = @json::jsonb, version = @version, changed_at = @now, changed_by = @ById WHERE number = @number;
            INSERT INTO indicator_versions (number, version, definition, changed_at, changed_by, changed_by_name, reason)
            VALUES (@number, @version, @json::jsonb, @now, @ById, @ByName, @Reason);
            """, new { number, json, version, now, ById = by.Id, ByName = by.Name, change.Reason }, tx);
        if (ComputedIndicators.IsComputed(number))
        {
            // A computed value can depend on the definition (indicator 14 counts the months with at least N): recount every year.
            await services.Computed.UpdateAsync(tx, [number], [.. await ComputedIndicators.YearsAsync(tx, number, ct)], ct);
        }
        else
        {
            // A new target or baseline can move the status of every year without any value changing: open dashboards reload the tiles.
            await services.Statuses.PublishAsync(tx, [.. StrategyYears.All.Select(year => (number, year))], ct);
        }
        await services.Audit.RecordAsync(tx, AuditActor.From(user), "indicator.definition-edited", number, new { version, change.Reason }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new DefinitionChanged(number, version));
    }

    private sealed record CurrentRow(string Definition, int Version);
}
