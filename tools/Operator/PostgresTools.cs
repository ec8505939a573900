using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace StrategyPlatform.Operator;

/// <summary>PostgreSQL's client programs (pg_dump, pg_restore) run against the server a connection string names.</summary>
internal static class PostgresTools
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>Runs <paramref name="tool"/>; the connection goes through libpq's environment, so the password is never on a command line.</summary>
    public static async Task<Result> RunAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var db = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = db.Host;
        start.Environment["PGPORT"] = db.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = db.Username;
        start.Environment["PGPASSWORD"] = db.Password;
        start.Environment["PGSSLMODE"] = db.SslMode switch { SslMode.Disable => "disable", SslMode.Require => "require", SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer" };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new Result(process.ExitCode, output, (await errors).Trim());
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
