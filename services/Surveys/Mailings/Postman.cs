using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace StrategyPlatform.Surveys.Mailings;

/// <summary>What became of one message: sent, refused for good (the relay's 5xx, a bad address), or to be tried again.</summary>
public enum Delivery
{
    Sent,
    Refused,
    TryAgain,
}

/// <summary>
/// One SMTP connection kept open across the messages of a mailing (a relay counts connections, and a TLS handshake
/// per message would be most of the time spent), opened again after any failure.
/// </summary>
public sealed class Postman(MailSettings settings) : IAsyncDisposable
{
    private readonly SmtpClient client = new() { Timeout = (int)settings.Timeout.TotalMilliseconds };

    public async Task<(Delivery Result, string? Reason)> SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            if (!client.IsConnected)
            {
                await client.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
                if (settings.UserName is not null)
                {
                    await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
                }
            }
            await client.SendAsync(message, ct);
            return (Delivery.Sent, null);
        }
        catch (SmtpCommandException e)
        {
            // The relay refused this message: 5xx is its last word (an unknown mailbox, a refused sender), 4xx a "later".
            await ResetAsync();
            var code = (int)e.StatusCode;
            return (code >= 500 ? Delivery.Refused : Delivery.TryAgain, $"{code} {e.Message}".Trim());
        }
        catch (Exception e) when (e is SmtpProtocolException or SocketException or IOException or TimeoutException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or ServiceNotConnectedException)
        {
            // The connection, not the message: the relay down, restarting or unreachable.
            await ResetAsync();
            return (Delivery.TryAgain, e.Message);
        }
    }

    private async Task ResetAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: false);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException)
            {
                // It is being thrown away.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // Closing politely is a courtesy.
            }
        }
        client.Dispose();
    }
}
