using System.Buffers.Text;
using System.Security.Cryptography;

namespace StrategyPlatform.Portal.Security;

/// <summary>
/// The headers every portal response carries. The Content-Security-Policy admits scripts from the portal
/// itself and, for the one inline script Blazor needs (the import map), the request's nonce; no
/// <c>unsafe-eval</c>, no other origin, no plugins, no framing. Styles allow inline attributes, which
/// Blazor and Radzen set on elements (a style cannot run code). The referrer is never sent: an
/// answering page's address holds the respondent's link.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce an inline script of this response must carry (<c>&lt;ImportMap nonce="…" /&gt;</c>).</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public Task InvokeAsync(HttpContext context)
    {
        // A status or error page re-executes the pipeline on the same request: it keeps the nonce the header already promises.
        if (context.Items[NonceKey] is string)
        {
            return next(context);
        }
        // base64url: CSP accepts its alphabet, and with no '+' or '/' the nonce reads the same in the header and,
        // unescaped, in the page's HTML (Razor writes '+' as &#x2B;).
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = string.Join("; ",
                "default-src 'self'",
                $"script-src 'self' 'nonce-{nonce}'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
