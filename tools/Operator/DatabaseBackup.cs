using Npgsql;

namespace StrategyPlatform.Operator;

/// <summary>
/// A database to a file and back with PostgreSQL's own tools (pg_dump's custom format, pg_restore), given an
/// administrator's connection string naming the database. The password goes through the environment, never the
/// command line.
/// </summary>
/// <remarks>
/// The backup keeps who owns what and who may do what: the audit trail belongs to a role of its own
/// (<c>{database}_audit</c>) and the service's role may only add to it and read it. Restored without owners, every
/// object would belong to whoever ran the restore, the service could no longer reach its tables, and the trail would
/// no longer be kept from it. So both ends need an administrator: a backup reads the trail's sequence, which the
/// service's role may not, and a restore hands objects to their owners, which takes a superuser (or a member of every
/// owning role). On the local servers that is the <c>postgres</c> resource's superuser.
/// </remarks>
public static class DatabaseBackup
{
    public static async Task BackupAsync(string connectionString, string file, CancellationToken ct = default)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new OperatorException("The connection string names no database (Database=…).");
        var result = await PostgresTools.RunAsync("pg_dump", connectionString, ["--format=custom", $"--file={Path.GetFullPath(file)}", database], ct);
        if (result.ExitCode != 0)
        {
            throw new OperatorException($"pg_dump failed ({result.ExitCode}): {result.Errors}"
                + (result.Errors.Contains("permission denied", StringComparison.Ordinal) ? $"\n{NeedsAdministrator}" : ""));
        }
    }

    /// <summary>
    /// Replaces what the database holds with the backup, in one transaction: either all of it or nothing. The database
    /// must exist with its roles (a platform's first start on the server creates them), and its service must be stopped.
    /// Checked first, each with a message that says what to do: the credentials, the roles, the service's connections.
    /// </summary>
    public static async Task RestoreAsync(string connectionString, string file, CancellationToken ct = default)
    {
        if (!File.Exists(file))
        {
            throw new OperatorException($"No backup at {file}.");
        }
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new OperatorException("The connection string names no database (Database=…).");
        await RestoreTarget.CheckAsync(connectionString, await OwnersInAsync(connectionString, file, ct), ct);
        var result = await PostgresTools.RunAsync("pg_restore", connectionString,
            ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", $"--dbname={database}", Path.GetFullPath(file)], ct);
        if (result.ExitCode != 0)
        {
            throw new OperatorException($"pg_restore failed ({result.ExitCode}), nothing was changed: {result.Errors}");
        }
    }

    internal const string NeedsAdministrator =
        "Backups and restores run as an administrator: a superuser, or the database's owner that is also a member of its <database>_audit role. "
        + "On the local servers that is the postgres resource's connection string (user postgres, password postgres-password in .data/parameters.json) with Database=<database>.";

    /// <summary>The roles that own something in the backup, from its table of contents (the owner is each entry's last field).</summary>
    private static async Task<IReadOnlySet<string>> OwnersInAsync(string connectionString, string file, CancellationToken ct)
    {
        var list = await PostgresTools.RunAsync("pg_restore", connectionString, ["--list", Path.GetFullPath(file)], ct);
        if (list.ExitCode != 0)
        {
            throw new OperatorException($"{file} is not a backup pg_restore can read: {list.Errors}");
        }
        return list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith(';') && line.Contains(';'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])
            .Where(owner => owner != "-")
            .ToHashSet(StringComparer.Ordinal);
    }
}
