using System.Net;
using System.Net.Sockets;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Loopback ports, checked by binding to them.</summary>
internal static class FreePort
{
    // Two quick asks for "any free port" can get the same answer once the first probe socket is
    // closed; remembering what this process handed out keeps two resources off one port.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>The preferred port when it is free on 127.0.0.1, else any free one; 0 means any.</summary>
    public static int PreferredOrAny(int preferred)
    {
        lock (HandedOut)
        {
            if (preferred > 0 && !HandedOut.Contains(preferred) && IsFree(preferred))
            {
                HandedOut.Add(preferred);
                return preferred;
            }
            while (true)
            {
                var port = Bind(0);
                if (port is { } free && HandedOut.Add(free)) return free;
            }
        }
    }

    public static int Any() => PreferredOrAny(0);

    public static bool IsFree(int port) => Bind(port) is not null;

    private static int? Bind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
