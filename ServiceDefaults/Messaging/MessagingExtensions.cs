using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.ServiceDefaults.Data;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings:messaging</c> (an amqp:// URI): durable
    /// queues named after the service, publisher confirms, retries then the <c>_error</c> queue,
    /// trace context in message headers, plus this service's transactional outbox and idempotent
    /// inbox in its own database (call Aspire.Npgsql's <c>AddNpgsqlDataSource</c> first).
    /// </summary>
    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddBus(configure);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        builder.Services.AddSingleton<IOutbox, PostgresOutbox>();
        builder.Services.AddSingleton<IInbox, PostgresInbox>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHostedService<MessagingHousekeeping>();
        builder.Services.AddMigrationSource(new MigrationSource("messaging", typeof(MessagingExtensions).Assembly, ".Messaging.Migrations."));
        return builder;
    }

    /// <summary>
    /// The same bus for an app that only listens and keeps no state of its own for messages (the web
    /// portal refreshing open pages): no database, no outbox or inbox. Its consumers must be harmless
    /// to run twice; for a copy of every message per running instance, give the consumer's endpoint
    /// <c>Temporary = true</c> and an <c>InstanceId</c>.
    /// </summary>
    public static TBuilder AddMessagingSubscriber<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator> configure)
        where TBuilder : IHostApplicationBuilder => builder.AddBus(bus =>
        {
            configure(bus);
            // Listening is a convenience here: a broker outage must not take the app out of readiness.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Tags.Clear();
                health.Tags.Add(ServiceDefaultsExtensions.OptionalTag);
            });
        });

    private static TBuilder AddBus<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configure)
        where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        var serviceName = configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.Services.AddMassTransit(bus =>
        {
            // A ministry system does not phone home: MassTransit's usage report goes to a third party at start-up.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ToQueuePrefix(serviceName), includeNamespace: false));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigureHost(BrokerAddress(context.GetRequiredService<IConfiguration>()));
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Start without the broker; MassTransit keeps reconnecting and readiness reports it.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }

    private static Uri BrokerAddress(IConfiguration configuration) =>
        new(configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Run the platform through the AppHost, or set ConnectionStrings__{ConnectionName} to an amqp:// URI."));

    private static string ToQueuePrefix(string serviceName) =>
        new(serviceName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static void ConfigureHost(this IRabbitMqBusFactoryConfigurator rabbit, Uri broker)
    {
        var virtualHost = broker.AbsolutePath.Length <= 1 ? "/" : Uri.UnescapeDataString(broker.AbsolutePath[1..]);
        var credentials = broker.UserInfo.Split(':', 2);
        var port = broker.IsDefaultPort || broker.Port <= 0 ? (broker.Scheme == "amqps" ? 5671 : 5672) : broker.Port;
        rabbit.Host(broker.Host, (ushort)port, virtualHost, host =>
        {
            if (credentials[0].Length > 0)
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
            }
            host.PublisherConfirmation = true;
            if (broker.Scheme == "amqps")
            {
                host.UseSsl(ssl => ssl.ServerName = broker.Host);
            }
        });
    }
}
