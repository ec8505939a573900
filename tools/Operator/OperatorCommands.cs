namespace StrategyPlatform.Operator;

/// <summary>The commands, each with its options; prints what it did, returns the exit code.</summary>
public static class OperatorCommands
{
    public const string Usage = """
        scripts/operate.sh <command> [options]

          requeue        --broker <amqp-uri> --queue <name>_error [--to <queue>]
                         Moves the messages that failed every retry back to the queue they came from (or --to), once their cause is fixed.
          outbox-failed  --db <connection-string>
                         Lists the outbox messages a service parked after failing to publish them.
          outbox-retry   --db <connection-string> [--id <message-id>]
                         Sends the parked messages again (all, or one).
          backup         --db <admin-connection-string> --file <path>
                         Writes the database to a file (pg_dump, custom format), with its owners and privileges.
          restore        --db <admin-connection-string> --file <path>
                         Replaces the database's contents with a backup (pg_restore, in one transaction); stop the service
                         that uses it first. The database and its roles must exist: a platform's first start creates them.

        <connection-string> is the service's ConnectionStrings__<database> (the dashboard shows it on the database's resource),
        e.g. "Host=localhost;Port=5432;Username=surveysdb;Password=…;Database=surveysdb".
        <admin-connection-string> is a superuser's (or the owner's, if it is a member of <database>_audit), naming the database:
        on the local servers "Host=localhost;Port=…;Username=postgres;Password=<postgres-password>;Database=surveysdb".
        Back up and restore each of surveysdb, mediadb, kpidb and portaldb.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var options = Options.Parse(args[1..]);
            switch (args[0])
            {
                case "requeue":
                    var queue = options.Required("queue");
                    var moved = await ErrorQueueMove.MoveAsync(options.Required("broker"), queue, options.Optional("to") ?? ErrorQueueMove.SourceOf(queue), ct);
                    await output.WriteLineAsync($"Moved {moved} message(s) from {queue} back to {options.Optional("to") ?? ErrorQueueMove.SourceOf(queue)}.");
                    return 0;
                case "outbox-failed":
                    foreach (var row in await OutboxParking.ListAsync(options.Required("db"), ct))
                    {
                        await output.WriteLineAsync($"{row.Id}  {row.MessageType}  partition {row.PartitionKey}  {row.Attempts} attempts  parked {row.FailedAt:u}  {row.LastError}");
                    }
                    return 0;
                case "outbox-retry":
                    var retried = await OutboxParking.RetryAsync(options.Required("db"), options.Optional("id") is { } id ? Guid.Parse(id) : null, ct);
                    await output.WriteLineAsync($"{retried} parked message(s) will be sent again.");
                    return 0;
                case "backup":
                    await DatabaseBackup.BackupAsync(options.Required("db"), options.Required("file"), ct);
                    await output.WriteLineAsync($"Backed up to {options.Required("file")}.");
                    return 0;
                case "restore":
                    await DatabaseBackup.RestoreAsync(options.Required("db"), options.Required("file"), ct);
                    await output.WriteLineAsync($"Restored from {options.Required("file")}.");
                    return 0;
                default:
                    await errors.WriteLineAsync($"Unknown command '{args[0]}'.\n\n{Usage}");
                    return 2;
            }
        }
        catch (OperatorException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }
}

/// <summary>A failure the operator can act on: printed as one line, no stack trace.</summary>
public sealed class OperatorException(string message) : Exception(message);

/// <summary><c>--name value</c> pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> values = [];

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new OperatorException($"Expected --name value, found '{args[i]}'.");
            }
            options.values[args[i][2..]] = args[++i];
        }
        return options;
    }

    public string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new OperatorException($"--{name} is required.");

    public string? Optional(string name) => values.GetValueOrDefault(name);
}
