using System.Diagnostics;
using Npgsql;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// Watches what a system has counted, per survey, straight from its database (the same way for the platform
/// and the baseline, and without loading either's API): every 5 ms one indexed query over the surveys of the run
/// (every 2 ms, the platform's probe alone cost PostgreSQL 6 % of the round; freshness is judged in tens of milliseconds).
/// Each rise of a survey's count is stamped, so every response can be matched to the moment it was counted.
/// </summary>
internal sealed class CountProbe(string connectionString, string countsQuery)
{
    public async Task<Watch> WatchAsync(Guid[] surveys)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = new Watch(connection, countsQuery, surveys);
        await watch.StartAsync();
        return watch;
    }

    internal sealed class Watch : IAsyncDisposable
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlCommand query;
        private readonly Dictionary<Guid, long> initial = [];
        private readonly Dictionary<Guid, long> current = [];
        private readonly Dictionary<Guid, List<long>> countedAt = [];
        private readonly CancellationTokenSource stop = new();
        private Task loop = Task.CompletedTask;
        private long total;

        public Watch(NpgsqlConnection connection, string countsQuery, Guid[] surveys)
        {
            this.connection = connection;
            query = new NpgsqlCommand(countsQuery, connection) { Parameters = { new() { Value = surveys } } };
            foreach (var survey in surveys)
            {
                countedAt[survey] = [];
            }
        }

        /// <summary>Responses counted since the watch began.</summary>
        public long Total => Interlocked.Read(ref total);

        public async Task StartAsync()
        {
            foreach (var (survey, count) in await ReadAsync())
            {
                initial[survey] = count;
                current[survey] = count;
            }
            loop = Task.Run(PollAsync);
        }

        private async Task PollAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var counts = await ReadAsync();
                var now = Stopwatch.GetTimestamp();
                long sum = 0;
                foreach (var (survey, count) in counts)
                {
                    var before = current.GetValueOrDefault(survey, 0);
                    for (var k = before; k < count; k++)
                    {
                        countedAt[survey].Add(now);
                    }
                    current[survey] = Math.Max(before, count);
                }
                foreach (var (survey, count) in current)
                {
                    sum += count - initial.GetValueOrDefault(survey, 0);
                }
                Interlocked.Exchange(ref total, sum);
                try
                {
                    await Task.Delay(5, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        private async Task<List<(Guid Survey, long Count)>> ReadAsync()
        {
            var counts = new List<(Guid, long)>();
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts.Add((reader.GetGuid(0), reader.GetInt64(1)));
            }
            return counts;
        }

        public async Task<bool> WaitForAsync(long expected, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (Total < expected)
            {
                if (clock.Elapsed > timeout || loop.IsFaulted)
                {
                    return false;
                }
                await Task.Delay(5);
            }
            return true;
        }

        /// <summary>When the survey's responses of this watch were counted, in order (stopwatch timestamps).</summary>
        public IReadOnlyList<long> CountedAt(Guid survey) => countedAt[survey];

        public async ValueTask DisposeAsync()
        {
            stop.Cancel();
            await loop;
            await query.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
