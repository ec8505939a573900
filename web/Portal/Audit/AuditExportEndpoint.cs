using System.Security.Claims;
using StrategyPlatform.Contracts;
using StrategyPlatform.Portal.Audit;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Files;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The audit trail as the page shows it (same filter), as CSV or Excel; the download is itself recorded.</summary>
public static class AuditExportEndpoint
{
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("admin/audit.{format:regex(^(csv|xlsx)$)}", ExportAsync).RequireAuthorization(StaffPolicies.Administer);
        return app;
    }

    private static readonly IReadOnlyList<string> Header = ["Time (Riga)", "Source", "Account id", "Name", "Roles", "Action", "Subject", "Details"];

    private static async Task<IResult> ExportAsync(string format, DateOnly? from, DateOnly? to, string? actor, string? action, string? source,
        ClaimsPrincipal user, AuditTrails trails, IAuditTrail audit, CancellationToken ct)
    {
        if (source is not null && !AuditTrails.Sources.Contains(source))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["source"] = [$"One of {string.Join(", ", AuditTrails.Sources)}."] });
        }
        var view = await trails.ReadAsync(new AuditQuery(from, to, actor, action), source, ct);
        var rows = view.Rows.Select(r => (IReadOnlyList<object?>)[LatvianTime.Local(r.Entry.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), r.Source, r.Entry.ActorId, r.Entry.ActorName,
            string.Join(", ", r.Entry.ActorRoles), r.Entry.Action, r.Entry.Subject, r.Entry.Details?.GetRawText()]).ToList();
        await audit.RecordAsync(AuditActor.From(user), "audit.exported", null, new { format, from, to, actor, action, source, rows = rows.Count }, ct);
        var name = $"audit-trail-{DateTime.UtcNow:yyyy-MM-dd}.{format}";
        return format == "csv"
            ? Results.File(Csv.Write(Header, rows), "text/csv; charset=utf-8", name)
            : Results.File(Xlsx.Write(new XlsxSheet("Audit trail", Header, rows)), Xlsx.ContentType, name);
    }
}
