using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Http.Resilience;
using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

internal static class ServiceClientExtensions
{
    /// <summary>
    /// One typed client per service; the names resolve through service discovery (<c>services__surveys__http__0</c>
    /// from the AppHost). Resilience and discovery come from ServiceDefaults; the token handler adds the caller.
    /// </summary>
    public static void AddServiceClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffTokenOptions>().BindConfiguration(StaffTokenOptions.Section);
        builder.Services.AddSingleton<StaffTokenIssuer>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CircuitServicesAccessor>();
        builder.Services.AddScoped<CircuitHandler, CircuitServicesAccessorHandler>();
        builder.Services.AddTransient<StaffTokenHandler>();

        // A person is waiting: fail within seconds rather than the 30 s default, then the page says the service is unavailable.
        builder.Services.ConfigureAll<HttpStandardResilienceOptions>(options =>
        {
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(4);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
        });
        builder.Services.AddHttpClient<SurveysClient>(c => c.BaseAddress = new("https+http://surveys")).AddHttpMessageHandler<StaffTokenHandler>();
        builder.Services.AddHttpClient<MediaEventsClient>(c => c.BaseAddress = new("https+http://mediaevents")).AddHttpMessageHandler<StaffTokenHandler>();
        builder.Services.AddHttpClient<KpiClient>(c => c.BaseAddress = new("https+http://kpi")).AddHttpMessageHandler<StaffTokenHandler>();
    }
}
