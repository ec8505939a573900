using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// A server's endpoint that its clients reach directly, not through DCP's proxy. Every query of every service and
/// every message crosses the PostgreSQL and RabbitMQ endpoints; proxied, DCP copied each byte once more and took a
/// quarter of a core under load (issue 13). These servers run as one process each, so the proxy balances nothing.
/// A proxyless endpoint needs its port before the server starts (DCP does not allocate one): the configured
/// <c>AppHost:Ports:{name}</c>, or a free loopback port taken now.
/// </summary>
internal static class DirectEndpoint
{
    public static void Configure(EndpointAnnotation endpoint, int? configuredPort)
    {
        endpoint.UriScheme = "tcp";
        endpoint.IsProxied = false;
        endpoint.Port = endpoint.TargetPort = configuredPort ?? FreeLoopbackPort();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
