using StrategyPlatform.Portal.Indicators;

namespace Microsoft.Extensions.Hosting;

internal static class IndicatorExtensions
{
    /// <summary>
    /// Live dashboards: every portal instance listens to <c>IndicatorValueChanged</c> on its own temporary
    /// queue (deleted when the instance stops) and tells its open dashboard pages. Without a broker
    /// configured the dashboards still work, they just do not update by themselves.
    /// </summary>
    public static void AddLiveIndicators(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IndicatorChanges>();
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString(MessagingExtensions.ConnectionName)))
        {
            return;
        }
        var instance = Guid.NewGuid().ToString("N")[..12];
        builder.AddMessagingSubscriber(bus => bus.AddConsumer<IndicatorValueChangedConsumer>().Endpoint(endpoint =>
        {
            endpoint.InstanceId = instance;
            endpoint.Temporary = true;
        }));
    }
}
