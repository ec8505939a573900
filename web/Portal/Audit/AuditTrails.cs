using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.ServiceDefaults.Audit;

namespace StrategyPlatform.Portal.Audit;

/// <param name="Source">Which app's trail it is from: portal, surveys, mediaevents or kpi.</param>
public sealed record AuditRow(string Source, AuditEntry Entry);

/// <param name="Unavailable">Sources that could not be read (down, or refused): the page says so and shows the others.</param>
/// <param name="More">A source had more entries than one read returns: narrow the filter to see the older ones.</param>
public sealed record AuditView(IReadOnlyList<AuditRow> Rows, IReadOnlyList<string> Unavailable, bool More);

/// <summary>
/// The audit trail of the whole platform for Administrators: the portal's own (sign-ins, accounts) and
/// each service's, read through their APIs with the same filter and merged, newest first. Each app
/// keeps its own trail in its own database, in the transaction of the action it records.
/// </summary>
public sealed class AuditTrails(IAuditTrail portal, SurveysClient surveys, MediaEventsClient mediaEvents, KpiClient kpi)
{
    public const string Portal = "portal";
    public static readonly IReadOnlyList<string> Sources = [Portal, "surveys", "mediaevents", "kpi"];

    public async Task<AuditView> ReadAsync(AuditQuery query, string? source, CancellationToken ct = default)
    {
        var wanted = Sources.Where(s => source is null || s == source).ToList();
        var pages = await Task.WhenAll(wanted.Select(async s => (Source: s, Page: await ReadAsync(s, query, ct))));
        var rows = pages.Where(p => p.Page is not null)
            .SelectMany(p => p.Page!.Items.Select(e => new AuditRow(p.Source, e)))
            .OrderByDescending(r => r.Entry.OccurredAt).ToList();
        return new AuditView(rows, [.. pages.Where(p => p.Page is null).Select(p => p.Source)], pages.Any(p => p.Page?.NextBefore is not null));
    }

    private async Task<AuditPage?> ReadAsync(string source, AuditQuery query, CancellationToken ct)
    {
        if (source == Portal)
        {
            return await portal.ReadAsync(query, ct);
        }
        ServiceClient client = source switch { "surveys" => surveys, "mediaevents" => mediaEvents, _ => kpi };
        var result = await client.GetAuditAsync(query, ct);
        return result.IsOk ? result.Value : null;
    }
}
