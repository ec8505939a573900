using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// The tallies' last wait before they count: the settle markers can be counted while a message just ahead of them
/// is still in the aggregator's hands, so a tally waits until what it counts has caught up, or the timeout, after
/// which what is still missing is counted as lost.
/// </summary>
public static class CatchUp
{
    /// <summary>How long the aggregator may still take, after the markers, before what it has not applied is lost.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <returns>Whether it caught up in time.</returns>
    public static async Task<bool> WithinTimeoutAsync(Func<Task<bool>> caughtUp)
    {
        try
        {
            await Eventually.ReturnsAsync(caughtUp, done => done, Timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
