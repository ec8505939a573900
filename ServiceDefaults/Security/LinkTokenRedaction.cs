using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace StrategyPlatform.ServiceDefaults.Security;

/// <summary>
/// Takes invitation-link tokens out of every span before it is exported: the portal's page address
/// (<c>/answer/{token}</c>), its call to the Surveys service (<c>/api/answer/{token}</c>) and the
/// service's own request. Traces are kept longer and read more widely than the database, and a token
/// in a trace would tie the request (and its time) to an invitation.
/// </summary>
public sealed partial class LinkTokenRedaction : BaseProcessor<Activity>
{
    private static readonly string[] Tags = ["url.full", "url.path", "url.query", "http.target", "http.url", "server.address"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in Tags)
        {
            if (data.GetTagItem(tag) is string value && Redact(value) is { } redacted)
            {
                data.SetTag(tag, redacted);
            }
        }
        if (Redact(data.DisplayName) is { } name)
        {
            data.DisplayName = name;
        }
    }

    /// <returns>The text without tokens, or null when it held none.</returns>
    public static string? Redact(string text) => Token().IsMatch(text) ? Token().Replace(text, "/answer/{token}") : null;

    [GeneratedRegex("/answer/[A-Za-z0-9_-]{20,}")]
    private static partial Regex Token();
}

public static class TelemetryRedactionExtensions
{
    public static IServiceCollection AddTelemetryRedaction(this IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new LinkTokenRedaction()));
}
