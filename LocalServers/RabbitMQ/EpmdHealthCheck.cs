using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// Healthy once epmd answers a NAMES request, which it does with its own port first (kept on the resource
/// for the broker). A real request rather than a bare connect, which epmd would log as a broken packet.
/// </summary>
internal sealed class EpmdHealthCheck(EpmdResource epmd) : IHealthCheck
{
    private static readonly byte[] NamesRequest = [0, 1, (byte)'n'];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            var address = new Uri(await new Aspire.Hosting.ApplicationModel.EndpointReference(epmd, EpmdResource.EndpointName).GetValueAsync(timeout.Token)
                ?? throw new InvalidOperationException("The address is not known yet."));
            using var client = new TcpClient();
            await client.ConnectAsync(address.Host, address.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(NamesRequest, timeout.Token);
            var answer = new byte[4];
            await stream.ReadExactlyAsync(answer, timeout.Token);
            epmd.ListeningPort = BinaryPrimitives.ReadInt32BigEndian(answer);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
