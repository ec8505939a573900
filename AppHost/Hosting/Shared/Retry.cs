namespace StrategyPlatform.AppHost.Hosting;

internal static class Retry
{
    /// <summary>Retries a check (false or an exception is "not yet") until it holds or the time is up.</summary>
    public static async Task UntilAsync(Func<CancellationToken, Task<bool>> check, TimeSpan timeout, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await check(ct)) return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                last = e;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} did not answer within {timeout.TotalSeconds:0} s{(last is null ? "" : $": {last.Message}")}.");
            await Task.Delay(500, ct);
        }
    }
}
