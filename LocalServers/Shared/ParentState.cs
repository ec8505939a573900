using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// Aspire passes a parent's state on to its children only for containers; a child of an executable (a
/// database on a local server) would stay "Not started" for ever, and whatever waits for it would wait
/// too. This follows the parent's state instead, for as long as the application runs.
/// </summary>
internal static class ParentState
{
    public static async Task FollowAsync(IResource child, IResource parent, ResourceNotificationService notifications, CancellationToken ct)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(ct))
            {
                if (change.Resource != parent)
                {
                    continue;
                }
                await notifications.PublishUpdateAsync(child, s => s with
                {
                    State = change.Snapshot.State,
                    StartTimeStamp = change.Snapshot.StartTimeStamp,
                    StopTimeStamp = change.Snapshot.StopTimeStamp,
                });
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The application is stopping.
        }
    }
}
