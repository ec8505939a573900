using System.Net.Sockets;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Proves a broker speaks AMQP 0-9-1: after the protocol header it must answer with a method
/// frame (Connection.Start). A bare TCP accept is not enough: the port opens before the broker is ready.
/// </summary>
internal static class AmqpProbe
{
    private static readonly byte[] ProtocolHeader = "AMQP"u8.ToArray().Concat(new byte[] { 0, 0, 9, 1 }).ToArray();
    private const byte MethodFrame = 1;

    public static async Task<bool> AnswersAsync(string host, int port, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var frameType = new byte[1];
            return await stream.ReadAsync(frameType, timeout.Token) == 1 && frameType[0] == MethodFrame;
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }
}
