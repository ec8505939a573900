using Microsoft.Extensions.Logging;
using Npgsql;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// A dedicated connection that LISTENs for committed outbox rows; reconnects after a database outage. What it heard
/// is kept for the dispatcher: an anonymous row's notification names the row (its random id), so the dispatcher can
/// read just that row; any other notification only says "read the table".
/// </summary>
internal sealed class OutboxListener(NpgsqlDataSource dataSource, string channel, ILogger logger) : IAsyncDisposable
{
    /// <summary>How many notifications one wake-up gathers at most; beyond a batch, the dispatcher reads the table anyway.</summary>
    public const int MostNamed = 200;

    private readonly Lock gate = new();
    private readonly List<Guid> named = [];
    private NpgsqlConnection? connection;
    // Nothing was heard before LISTEN (or while the connection was down): the first round after it reads the table.
    private bool tableWanted = true;

    /// <param name="Named">Anonymous rows committed since the last call, by id.</param>
    /// <param name="TableWanted">A row of another kind was committed, or notifications may have been missed.</param>
    public sealed record Heard(IReadOnlyList<Guid> Named, bool TableWanted);

    public async Task EnsureListeningAsync(CancellationToken ct)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return;
        }
        await DropAsync();
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct);
            connection.Notification += OnNotification;
            await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
            await listen.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            // Polling still works without notifications; try listening again next round.
            logger.LogWarning("Outbox listener could not connect: {Message}", ex.Message);
            await DropAsync();
        }
        lock (gate)
        {
            tableWanted = true;
        }
    }

    /// <summary>What was heard since the last call; the slate is then clean.</summary>
    public Heard Take()
    {
        lock (gate)
        {
            var heard = new Heard([.. named], tableWanted);
            named.Clear();
            tableWanted = false;
            return heard;
        }
    }

    /// <summary>
    /// Returns when a notification arrives (then also takes those already on their way, so that one wake-up serves
    /// many rows) or the timeout passes.
    /// </summary>
    /// <returns>Whether anything was heard; false when the timeout passed in silence.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        // Due already (a backoff lapsed while the batch was out): Npgsql reads a zero timeout as none at all, so the
        // dispatcher would sleep until the next notification, which after a campaign's last answer never comes.
        if (timeout < TimeSpan.FromMilliseconds(1))
        {
            return false;
        }
        if (connection is null)
        {
            await Task.Delay(timeout, ct);
            return false;
        }
        try
        {
            if (!await connection.WaitAsync(timeout, ct))
            {
                return false;
            }
            // Npgsql hands over one notification per wait; those already received come at once, and a millisecond of
            // quiet ends the gathering.
            for (var more = 0; more < MostNamed && await connection.WaitAsync(TimeSpan.FromMilliseconds(1), ct); more++)
            {
            }
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            logger.LogWarning("Outbox listener lost its connection: {Message}", ex.Message);
            await DropAsync();
            return false;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        lock (gate)
        {
            if (Guid.TryParse(e.Payload, out var id))
            {
                named.Add(id);
            }
            else
            {
                tableWanted = true;
            }
        }
    }

    private async Task DropAsync()
    {
        if (connection is not null)
        {
            connection.Notification -= OnNotification;
            await connection.DisposeAsync();
            connection = null;
        }
        lock (gate)
        {
            tableWanted = true;
        }
    }

    public ValueTask DisposeAsync() => new(DropAsync());
}
