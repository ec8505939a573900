using System.Diagnostics;
using Npgsql;

namespace StrategyPlatform.Operator;

/// <summary>
/// A database to a file and back with PostgreSQL's own tools (pg_dump's custom format, pg_restore), given the
/// connection string a service uses. The password goes through the environment, never the command line.
/// </summary>
public static class DatabaseBackup
{
    public static Task BackupAsync(string connectionString, string file, CancellationToken ct = default) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={Path.GetFullPath(file)}"], ct);

    /// <summary>
    /// Replaces what the database holds with the backup, in one transaction: either all of it or nothing.
    /// The database must exist (a fresh platform creates it); its service should be stopped meanwhile.
    /// </summary>
    public static Task RestoreAsync(string connectionString, string file, CancellationToken ct = default) =>
        File.Exists(file)
            ? RunAsync("pg_restore", connectionString, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", Path.GetFullPath(file)], ct)
            : throw new OperatorException($"No backup at {file}.");

    private static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var db = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (tool == "pg_dump")
        {
            start.ArgumentList.Add(db.Database ?? throw new OperatorException("The connection string names no database."));
        }
        start.Environment["PGHOST"] = db.Host;
        start.Environment["PGPORT"] = db.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = db.Username;
        start.Environment["PGPASSWORD"] = db.Password;
        start.Environment["PGSSLMODE"] = db.SslMode switch { SslMode.Disable => "disable", SslMode.Require => "require", SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer" };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new OperatorException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }

    /// <summary>The newest of Debian's server packages (/usr/lib/postgresql/N/bin), else the one on the PATH.</summary>
    private static string Find(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists);
        var packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var n) ? n : -1)
                .Select(v => Path.Combine(v, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return packaged ?? onPath ?? throw new OperatorException($"{tool} is not installed: apt-get install postgresql-client");
    }
}
