using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every HTTP app of the platform does with hostile input before a handler sees it: a bounded
/// body (1 MB unless an endpoint declares more with <c>RequestSizeLimitAttribute</c>), no control
/// characters or overlong values in the path, query or any JSON string, a bounded JSON depth, and
/// rate limits that answer 429 ProblemDetails with <c>Retry-After</c>. Every refusal is a 4xx
/// ProblemDetails naming the part at fault, never a 5xx.
/// </summary>
public static class InputLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
    /// <summary>Longer than any text a person types into the platform (free-text answers allow 4,000).</summary>
    public const int MaxStringLength = 10_000;
    public const int MaxJsonDepth = 32;
    public const int MaxUrlLength = 4096;
    /// <summary>
    /// What the server itself reads at most. The app's limit above is enforced by <see cref="RequestHygiene"/>; the
    /// server's is higher so that, after a refusal, it reads and discards the rest of an oversized body and the
    /// client gets its 413 (or 401) on a clean connection instead of a reset.
    /// </summary>
    public const long ServerMaxBodyBytes = 32 * 1024 * 1024;

    public static TBuilder AddInputLimits<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.MaxDepth = MaxJsonDepth;
            o.SerializerOptions.Converters.Insert(0, new BoundedStringConverter());
        });
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = ServerMaxBodyBytes;
            o.AddServerHeader = false;
        });
        // Also outside Development: a body that cannot be bound throws, so BadRequestExceptionHandler names the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = MaxStringLength * 4;
            o.ValueCountLimit = 1024;
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => new ValueTask(ProblemResponses.TooManyRequestsAsync(context.HttpContext, context.Lease, ct));
        });
        return builder;
    }

    /// <summary>Call after the exception handler, so a body found too long while it is read still becomes ProblemDetails.</summary>
    public static WebApplication UseInputLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestHygiene>();
        app.UseRateLimiter();
        return app;
    }
}
