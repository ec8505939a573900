using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Data;

namespace Microsoft.Extensions.Hosting;

public static class AuditExtensions
{
    /// <summary>
    /// This app's audit trail in its own database (call <see cref="NpgsqlExtensions.AddNpgsqlDataSource"/> first):
    /// the table and its append-only triggers are applied at start-up with the other migrations.
    /// </summary>
    public static TBuilder AddAuditTrail<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<IAuditTrail, PostgresAuditTrail>();
        builder.Services.AddMigrationSource(new MigrationSource("audit", typeof(AuditExtensions).Assembly, ".Audit.Migrations."));
        return builder;
    }

    /// <summary><c>GET api/audit</c>: the trail, newest first, filtered; Administrators only.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/audit").WithTags("Audit trail").RequireAuthorization(StaffPolicies.Administer)
            .MapGet("", ReadAsync);
        return app;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ReadAsync(
        IAuditTrail trail, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, string? actor = null, string? action = null,
        string? subject = null, long? before = null, int take = AuditQuery.MaxTake)
    {
        var errors = new Dictionary<string, string[]>();
        if (take is < 1 or > AuditQuery.MaxTake)
        {
            errors["take"] = [$"take must be between 1 and {AuditQuery.MaxTake}."];
        }
        if (from > to)
        {
            errors["to"] = ["The end of the period cannot be before its start."];
        }
        foreach (var (name, value) in new[] { ("actor", actor), ("action", action), ("subject", subject) })
        {
            if (value?.Length > 200)
            {
                errors[name] = ["At most 200 characters."];
            }
        }
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await trail.ReadAsync(new AuditQuery(from, to, actor, action, subject, before, take), ct));
    }
}
