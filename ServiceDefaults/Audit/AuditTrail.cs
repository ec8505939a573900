using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Npgsql;
using Microsoft.Extensions.Hosting;

namespace StrategyPlatform.ServiceDefaults.Audit;

/// <summary>Who did it: the account id, the name and the roles their token or session carried at the time.</summary>
public sealed record AuditActor(string Id, string? Name, IReadOnlyList<string> Roles)
{
    /// <summary>The platform itself (start-up, the first Administrator created from configuration).</summary>
    public static readonly AuditActor System = new("system", "StrategyPlatform", []);

    public static AuditActor From(ClaimsPrincipal user) =>
        new(user.UserId() ?? "unknown", user.Identity?.Name, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order()]);
}

/// <param name="Subject">What it was done to: a survey's id, an indicator's number, a year, an account's e-mail.</param>
public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string ActorId, string? ActorName, IReadOnlyList<string> ActorRoles,
    string Action, string? Subject, JsonElement? Details);

/// <summary>The newest entries first; <see cref="NextBefore"/> continues below the last one.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? NextBefore);

/// <param name="Actor">Part of the account id or the name.</param>
/// <param name="Action">An action, or the start of one (<c>survey.</c>).</param>
public sealed record AuditQuery(DateOnly? From = null, DateOnly? To = null, string? Actor = null, string? Action = null, string? Subject = null,
    long? Before = null, int Take = AuditQuery.MaxTake)
{
    public const int MaxTake = 500;

    /// <summary>The query string of <c>GET api/audit</c> for this query.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("actor", Actor);
        Add("action", Action);
        Add("subject", Subject);
        Add("before", Before?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("take", Take.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }
}

/// <summary>
/// The append-only record of staff actions this app keeps in its own database (the table refuses
/// UPDATE, DELETE and TRUNCATE). The portal reads every app's trail through its API and shows them together.
/// </summary>
public interface IAuditTrail
{
    /// <summary>In the action's own transaction: the entry commits with the action or not at all.</summary>
    Task RecordAsync(NpgsqlTransaction transaction, AuditActor actor, string action, string? subject, object? details = null, CancellationToken ct = default);

    /// <summary>For an action that writes nothing of its own (a download, a sign-in).</summary>
    Task RecordAsync(AuditActor actor, string action, string? subject, object? details = null, CancellationToken ct = default);

    Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken ct = default);
}

internal sealed class PostgresAuditTrail(NpgsqlDataSource db) : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task RecordAsync(NpgsqlTransaction transaction, AuditActor actor, string action, string? subject, object? details = null, CancellationToken ct = default) =>
        InsertAsync(transaction.Connection!, transaction, actor, action, subject, details, ct);

    public async Task RecordAsync(AuditActor actor, string action, string? subject, object? details = null, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await InsertAsync(connection, null, actor, action, subject, details, ct);
    }

    private static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, AuditActor actor, string action, string? subject, object? details, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_trail (actor_id, actor_name, actor_roles, action, subject, details)
            VALUES (@Id, @Name, @Roles, @action, @subject, @details::jsonb)
            """, new
        {
            actor.Id, actor.Name, Roles = actor.Roles.ToArray(), action, subject,
            details = details is null ? null : JsonSerializer.Serialize(details, Json),
        }, tx, cancellationToken: ct));

    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, AuditQuery.MaxTake);
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, occurred_at AS OccurredAt, actor_id AS ActorId, actor_name AS ActorName, actor_roles AS ActorRoles, action, subject, details::text AS Details
            FROM audit_trail
            WHERE (@from::date IS NULL OR occurred_at >= @from::date)
              AND (@to::date IS NULL OR occurred_at < @to::date + 1)
              AND (@actor::text IS NULL OR actor_id ILIKE '%' || @actor || '%' OR actor_name ILIKE '%' || @actor || '%')
              AND (@action::text IS NULL OR action LIKE @action || '%')
              AND (@subject::text IS NULL OR subject ILIKE '%' || @subject || '%')
              AND (@before::bigint IS NULL OR id < @before)
            ORDER BY id DESC LIMIT @take
            """, new
        {
            from = query.From?.ToDateTime(TimeOnly.MinValue), to = query.To?.ToDateTime(TimeOnly.MinValue),
            actor = Blank(query.Actor), action = Blank(query.Action), subject = Blank(query.Subject), before = query.Before, take,
        }, cancellationToken: ct))).ToList();
        var items = rows.Select(r => new AuditEntry(r.Id, new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc)), r.ActorId, r.ActorName, r.ActorRoles,
            r.Action, r.Subject, r.Details is null ? null : JsonDocument.Parse(r.Details).RootElement.Clone())).ToList();
        return new AuditPage(items, items.Count == take ? items[^1].Id : null);
    }

    /// <summary>LIKE's wildcards in a filter are taken literally.</summary>
    private static string? Blank(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    // Properties, not a positional record: Dapper matches constructors by the reader's field types, and text[] reads as Array.
    private sealed class Row
    {
        public long Id { get; init; }
        public DateTime OccurredAt { get; init; }
        public string ActorId { get; init; } = "";
        public string? ActorName { get; init; }
        public string[] ActorRoles { get; init; } = [];
        public string Action { get; init; } = "";
        public string? Subject { get; init; }
        public string? Details { get; init; }
    }
}
