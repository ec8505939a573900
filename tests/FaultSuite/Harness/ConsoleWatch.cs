using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// A resource instance's console output as DCP hands it to the dashboard (across its restarts), the lines that
/// match kept: what a service says about itself that no table records, such as a duplicate its inbox skipped.
/// </summary>
public sealed class ConsoleWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<string> kept = [];
    private readonly Task watching;

    private ConsoleWatch(FaultPlatform platform, string instance, Func<string, bool> keep) =>
        watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in platform.App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(instance).WithCancellation(stop.Token))
                {
                    lock (kept)
                    {
                        kept.AddRange(batch.Select(line => line.Content).Where(keep));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

    public static ConsoleWatch Start(FaultPlatform platform, string instance, Func<string, bool> keep) => new(platform, instance, keep);

    public IReadOnlyList<string> Kept { get { lock (kept) { return [.. kept]; } } }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watching;
        stop.Dispose();
    }
}
