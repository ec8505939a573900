using Npgsql;

namespace StrategyPlatform.LocalServers;

/// <summary>A login role and its password, as the server is told them.</summary>
public sealed record DatabaseRole(string Name, string Password);

/// <summary>
/// Giving a database to a login role of its own: the role may log in and owns that database and what is in
/// it but its audit trail, and nothing else (no superuser, no CREATEDB, no CREATEROLE); other roles may not
/// even connect to it.
/// </summary>
internal static class DatabaseOwnership
{
    private const string DuplicateObject = "42710";

    /// <summary>Creates the role, or sets its password to the current secret (the parameter may have been changed).</summary>
    public static async Task EnsureRoleAsync(NpgsqlConnection admin, DatabaseRole role, CancellationToken ct)
    {
        // Utility statements take no parameters: the password is a quoted literal (standard_conforming_strings is on).
        var password = "'" + role.Password.Replace("'", "''") + "'";
        var attributes = $"LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD {password}";
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", admin)
        {
            Parameters = { new() { Value = role.Name } },
        };
        var verb = (bool)(await exists.ExecuteScalarAsync(ct))! ? "ALTER" : "CREATE";
        try
        {
            await ExecuteAsync(admin, $"{verb} ROLE {PostgresDatabases.Quote(role.Name)} {attributes}", ct);
        }
        catch (PostgresException e) when (e.SqlState == DuplicateObject)
        {
            await ExecuteAsync(admin, $"ALTER ROLE {PostgresDatabases.Quote(role.Name)} {attributes}", ct);
        }
    }

    /// <summary>
    /// The database becomes the role's, and no other role may connect to it. Nor may the role connect to the
    /// server's own databases: an owner drops (or renames) its database from another one, and so the audit
    /// trail with it (see <see cref="AuditTrailKeeper"/>).
    /// </summary>
    public static Task HandOverDatabaseAsync(NpgsqlConnection admin, string database, string role, CancellationToken ct)
    {
        var (db, owner) = (PostgresDatabases.Quote(database), PostgresDatabases.Quote(role));
        return ExecuteAsync(admin, $"""
            ALTER DATABASE {db} OWNER TO {owner}; REVOKE ALL ON DATABASE {db} FROM PUBLIC;
            REVOKE CONNECT ON DATABASE postgres, template1 FROM PUBLIC
            """, ct);
    }

    /// <summary>
    /// Every table, view, sequence, function and schema of the database that someone else owns becomes the role's
    /// (an extension's stay its own, and so does what <paramref name="keeper"/> keeps from the role).
    /// </summary>
    public static Task HandOverObjectsAsync(NpgsqlConnection inDatabase, string role, string keeper, CancellationToken ct)
    {
        var owner = "'" + PostgresDatabases.Quote(role).Replace("'", "''") + "'";
        var kept = "'" + keeper.Replace("'", "''") + "'";
        return ExecuteAsync(inDatabase, $$"""
            DO $handover$
            DECLARE item record;
            BEGIN
                FOR item IN
                    SELECT format('ALTER SCHEMA %I OWNER TO %s', n.nspname, {{owner}}) AS statement
                    FROM pg_namespace n
                    WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
                      AND n.nspowner <> {{owner}}::regrole
                    UNION ALL
                    -- A sequence behind a serial or identity column follows its table.
                    SELECT format('ALTER TABLE %s OWNER TO %s', c.oid::regclass, {{owner}})
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\_%'
                      AND c.relkind IN ('r', 'p', 'v', 'S') AND c.relowner <> {{owner}}::regrole AND pg_get_userbyid(c.relowner) <> {{kept}}
                      AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
                      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
                    UNION ALL
                    SELECT format('ALTER ROUTINE %s OWNER TO %s', p.oid::regprocedure, {{owner}})
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\_%'
                      AND p.proowner <> {{owner}}::regrole AND pg_get_userbyid(p.proowner) <> {{kept}}
                      AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
                LOOP
                    EXECUTE item.statement;
                END LOOP;
            END
            $handover$
            """, ct);
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
