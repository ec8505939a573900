using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiExtensions
{
    /// <summary>
    /// The OpenAPI document of an HTTP service. Request validation (<c>AddValidation()</c>) is called
    /// in each service itself: its source generator only sees types of the assembly that calls it.
    /// </summary>
    public static TBuilder AddDefaultOpenApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// The document at <c>/openapi/v1.json</c> and the API reference page (<c>/scalar</c>), in development only:
    /// a running service does not hand its map to whoever asks.
    /// </summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }
}
