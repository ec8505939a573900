using Npgsql;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// Makes a database's audit trail append-only for the service's own role, not just by convention: the table,
/// its trigger function and its identity sequence belong to a login-less role <c>{database}_audit</c> that
/// the service's role is not a member of, which grants it INSERT and SELECT only. So the service (or a
/// statement injected into it) cannot UPDATE, DELETE, TRUNCATE, ALTER or DROP the trail, nor disable its
/// trigger; and the public schema belongs to the superuser, so it cannot drop the trail with the schema
/// either. Run by the superuser before the service starts, also on a database of an earlier run, where the
/// service's role owned the trail.
/// </summary>
internal static class AuditTrailKeeper
{
    private const string DuplicateObject = "42710";

    /// <summary>The role that owns <paramref name="database"/>'s audit trail.</summary>
    public static string KeeperOf(string database) => $"{database}_audit";

    public static async Task EnsureAsync(NpgsqlConnection inDatabase, string keeperRole, string serviceRole, CancellationToken ct)
    {
        var keeper = PostgresDatabases.Quote(keeperRole);
        var service = PostgresDatabases.Quote(serviceRole);
        try
        {
            await DatabaseOwnership.ExecuteAsync(inDatabase, $"CREATE ROLE {keeper} NOLOGIN NOINHERIT", ct);
        }
        catch (PostgresException e) when (e.SqlState == DuplicateObject)
        {
            // Made by an earlier run.
        }
        await using var tx = await inDatabase.BeginTransactionAsync(ct);
        // The services' own audit migrations, whatever is missing made here as the superuser. So each of them must be
        // idempotent: the service runs it again as its role, which may not change the table, and finds it done.
        foreach (var script in Scripts())
        {
            await DatabaseOwnership.ExecuteAsync(inDatabase, script, ct);
        }
        await DatabaseOwnership.ExecuteAsync(inDatabase, $"""
            ALTER SCHEMA public OWNER TO CURRENT_USER;
            GRANT USAGE, CREATE ON SCHEMA public TO {service};
            ALTER TABLE audit_trail OWNER TO {keeper};
            ALTER FUNCTION audit_trail_is_append_only() OWNER TO {keeper};
            REVOKE ALL ON audit_trail FROM PUBLIC, {service};
            GRANT SELECT, INSERT ON audit_trail TO {service};
            """, ct);
        await tx.CommitAsync(ct);
    }

    private static IEnumerable<string> Scripts()
    {
        var assembly = typeof(AuditTrailKeeper).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("AuditTrail.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return reader.ReadToEnd();
        }
    }
}
