using System.Net;
using System.Net.Sockets;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>
/// Loopback ports for the dashboard of a test's AppHost, which Aspire binds as configured (never the
/// defaults: another run may be using them). The OS chooses; the listener is closed just before use.
/// </summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
