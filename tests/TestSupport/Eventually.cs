using System.Diagnostics;

namespace StrategyPlatform.TestSupport;

/// <summary>Waits for an asynchronous outcome (a message consumed, a row written) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> until, TimeSpan? timeout = null, string? because = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await probe();
            if (until(value))
            {
                return value;
            }
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Still {value} after {limit.TotalSeconds:0} s{(because is null ? "" : $": {because}")}.");
            }
            await Task.Delay(50);
        }
    }
}
