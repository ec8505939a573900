using Microsoft.Extensions.Logging;
using Npgsql;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>A dedicated connection that LISTENs for committed outbox rows; reconnects after a database outage.</summary>
internal sealed class OutboxListener(NpgsqlDataSource dataSource, string channel, ILogger logger) : IAsyncDisposable
{
    private NpgsqlConnection? connection;

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
            await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
            await listen.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            // Polling still works without notifications; try listening again next round.
            logger.LogWarning("Outbox listener could not connect: {Message}", ex.Message);
            await DropAsync();
        }
    }

    /// <summary>Returns when a notification arrives or the timeout passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (connection is null)
        {
            await Task.Delay(timeout, ct);
            return;
        }
        try
        {
            await connection.WaitAsync(timeout, ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            logger.LogWarning("Outbox listener lost its connection: {Message}", ex.Message);
            await DropAsync();
        }
    }

    private async Task DropAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    public ValueTask DisposeAsync() => new(DropAsync());
}
