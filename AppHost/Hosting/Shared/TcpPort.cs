using System.Net.Sockets;

namespace StrategyPlatform.AppHost.Hosting;

internal static class TcpPort
{
    public static async Task<bool> AcceptsAsync(int port, CancellationToken ct, string host = "127.0.0.1")
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }
}
