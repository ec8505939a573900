using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StrategyPlatform.LocalServers;

/// <summary>Healthy once the server greets with 220, as it does a client before the first command; then QUIT, so it logs no broken session.</summary>
internal sealed class SmtpHealthCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            var endpoint = MailEndpoint.Parse(await connectionString(timeout.Token) ?? throw new InvalidOperationException("The connection string is not known yet."));
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            if (endpoint.ImplicitTls)
            {
                // A TLS relay greets only after the handshake; that it accepts the connection is what can be checked here.
                return HealthCheckResult.Healthy();
            }
            var stream = client.GetStream();
            var greeting = new byte[512];
            var read = await stream.ReadAsync(greeting, timeout.Token);
            var text = Encoding.ASCII.GetString(greeting, 0, read);
            await stream.WriteAsync("QUIT\r\n"u8.ToArray(), timeout.Token);
            return text.StartsWith("220", StringComparison.Ordinal) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"The server greeted with \"{text.Trim()}\".");
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidOperationException or FormatException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

/// <summary>The host and port of a mail connection string (<c>Endpoint=smtp://host:port;…</c>).</summary>
internal sealed record MailEndpoint(string Host, int Port, bool ImplicitTls)
{
    public static MailEndpoint Parse(string connectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var uri = builder.TryGetValue("Endpoint", out var endpoint) && Uri.TryCreate(endpoint?.ToString(), UriKind.Absolute, out var parsed)
            ? parsed
            : throw new FormatException("The mail connection string needs Endpoint=smtp://host:port.");
        var implicitTls = uri.Scheme == "smtps";
        return new(uri.Host, uri.Port > 0 ? uri.Port : implicitTls ? 465 : 25, implicitTls);
    }
}
