using System.Net.Sockets;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Asks an epmd for its registered names (NAMES_REQ), which it answers with its own port first.
/// A real request rather than a bare connect, which epmd would log as a broken packet.
/// </summary>
internal static class EpmdProbe
{
    private static readonly byte[] NamesRequest = [0, 1, (byte)'n'];

    public static async Task<bool> AnswersAsync(int port, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(NamesRequest, timeout.Token);
            var answer = new byte[4];
            await stream.ReadExactlyAsync(answer, timeout.Token);
            return (answer[0] << 24 | answer[1] << 16 | answer[2] << 8 | answer[3]) == port;
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }
}
