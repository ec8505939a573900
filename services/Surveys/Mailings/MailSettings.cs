using System.Data.Common;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace StrategyPlatform.Surveys.Mailings;

/// <summary>
/// Where and how mail goes: <c>ConnectionStrings:mail</c> (<c>Endpoint=smtp://host:587;Username=…;Password=…</c>;
/// <c>smtps://</c> for TLS from the first byte; <c>;Tls=None|StartTls|Auto</c> to say how else, by default STARTTLS
/// whenever the relay offers it), the sender (<c>Surveys:Mail:From</c>), the pace (<c>Surveys:Mail:PerMinute</c>,
/// default 120, for every replica together), and how often a transient failure is tried again
/// (<c>Surveys:Mail:MaxAttempts</c>, default 6, the first retry after <c>Surveys:Mail:RetryAfterSeconds</c>, default
/// 30, doubling each time, at most an hour apart), and how long the relay may take to answer
/// (<c>Surveys:Mail:TimeoutSeconds</c>, default 30).
/// </summary>
public sealed class MailSettings
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required SecureSocketOptions Security { get; init; }
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public required MailboxAddress From { get; init; }
    public required TimeSpan Interval { get; init; }
    public required int MaxAttempts { get; init; }
    public required TimeSpan FirstRetry { get; init; }
    public required TimeSpan Timeout { get; init; }

    /// <summary>Null when no relay is configured: then nothing is sent and a mailing is refused with the reason.</summary>
    public static MailSettings? Read(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("mail") is not { Length: > 0 } connectionString)
        {
            return null;
        }
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Part(string key) => parts.TryGetValue(key, out var value) ? value?.ToString() : null;
        var endpoint = Uri.TryCreate(Part("Endpoint"), UriKind.Absolute, out var uri) && uri.Scheme is "smtp" or "smtps"
            ? uri
            : throw new InvalidOperationException("ConnectionStrings:mail needs Endpoint=smtp://host:port (or smtps://).");
        var security = endpoint.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : Part("Tls")?.ToLowerInvariant() switch
        {
            null or "" or "auto" => SecureSocketOptions.StartTlsWhenAvailable,
            "starttls" => SecureSocketOptions.StartTls,
            "none" => SecureSocketOptions.None,
            var other => throw new InvalidOperationException($"ConnectionStrings:mail has Tls={other}; use None, StartTls or Auto."),
        };
        var perMinute = configuration.GetValue("Surveys:Mail:PerMinute", 120);
        return new MailSettings
        {
            Host = endpoint.Host,
            Port = endpoint.Port > 0 ? endpoint.Port : endpoint.Scheme == "smtps" ? 465 : 25,
            Security = security,
            UserName = Part("Username") is { Length: > 0 } user ? user : null,
            Password = Part("Password"),
            From = MailboxAddress.Parse(configuration["Surveys:Mail:From"] ?? "Labklājības ministrija <aptaujas@lm.gov.lv>"),
            Interval = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
            MaxAttempts = Math.Max(1, configuration.GetValue("Surveys:Mail:MaxAttempts", 6)),
            FirstRetry = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Surveys:Mail:RetryAfterSeconds", 30.0))),
            Timeout = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Surveys:Mail:TimeoutSeconds", 30))),
        };
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> transient failures.</summary>
    public TimeSpan RetryAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, FirstRetry.Ticks * (1L << Math.Min(20, attempt - 1))));
}
