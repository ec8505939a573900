using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.LocalServers;

namespace Aspire.Hosting;

public static class LocalRabbitMQBuilderExtensions
{
    /// <summary>
    /// RabbitMQ for the application: the broker named by <c>ConnectionStrings__{name}</c> when it is set (no
    /// local process then), else the machine's rabbitmq-server run as an executable on <c>{data}/{name}</c>
    /// with its own epmd (<c>{name}-epmd</c>, on loopback) and the management UI, its user's password the
    /// persisted secret <c>{name}-password</c>. Healthy once it accepts an AMQP connection.
    /// </summary>
    /// <exception cref="ServerNotInstalledException">No broker is configured and the package is missing.</exception>
    public static IResourceBuilder<IRabbitMQServerResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var broker = builder.Configuration.GetConnectionString(name) is { Length: > 0 }
            ? builder.AddExistingRabbitMQ(name)
            : builder.AddRabbitMQExecutable(name);
        return broker.WithHealthCheck($"{name}-amqp", resource => new AmqpHealthCheck(ct => resource.ConnectionStringExpression.GetValueAsync(ct)));
    }

    private static IResourceBuilder<IRabbitMQServerResource> AddExistingRabbitMQ(this IDistributedApplicationBuilder builder, string name) =>
        ExistingServer.Add(builder, name, connectionString => new ExistingRabbitMQResource(name, connectionString), "RabbitMQ (yours)", "Mailbox");

    private static IResourceBuilder<IRabbitMQServerResource> AddRabbitMQExecutable(this IDistributedApplicationBuilder builder, string name)
    {
        ServerNotInstalledException.ReportWhenUnhandled();
        var installation = RabbitMQInstallation.Find();
        var folder = new RabbitMQFolder(Path.Combine(builder.GetDataDirectory(), name));
        var epmd = builder.AddEpmd($"{name}-epmd", installation, folder);
        var password = builder.AddPersistedSecret($"{name}-password");
        var broker = new LocalRabbitMQResource(name, installation.ServerScript, folder.Root, password.Resource);
        var management = new EndpointReference(broker, LocalRabbitMQResource.ManagementEndpointName);
        return builder.AddResource(broker)
            .WithEndpoint(LocalRabbitMQResource.AmqpEndpointName, endpoint => DirectEndpoint.Configure(endpoint, builder.Configuration.GetValue<int?>($"AppHost:Ports:{name}")))
            .WithHttpEndpoint(name: LocalRabbitMQResource.ManagementEndpointName, port: builder.Configuration.GetValue<int?>($"AppHost:Ports:{name}-management"))
            // Erlang's node-to-node port, used by rabbitmqctl only; without a port of its own it would be the AMQP port + 20000.
            .WithEndpoint(LocalRabbitMQResource.DistributionEndpointName, endpoint => endpoint.UriScheme = "tcp")
            .WithUrlForEndpoint(LocalRabbitMQResource.DistributionEndpointName, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithUrlForEndpoint(LocalRabbitMQResource.ManagementEndpointName, url => url.DisplayText = "RabbitMQ management UI")
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["HOME"] = folder.Home;
                env["ERL_EPMD_PORT"] = epmd.Resource.ListeningPort?.ToString() ?? throw new InvalidOperationException($"{epmd.Resource.Name} has not answered yet.");
                env["RABBITMQ_NODENAME"] = folder.NodeName;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_NODE_PORT"] = broker.AmqpEndpoint.Property(EndpointProperty.TargetPort);
                env["RABBITMQ_DIST_PORT"] = new EndpointReference(broker, LocalRabbitMQResource.DistributionEndpointName).Property(EndpointProperty.TargetPort);
                env["RABBITMQ_CONF_ENV_FILE"] = folder.EnvironmentFile;
                env["RABBITMQ_CONFIG_FILE"] = folder.ConfigFile;
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = folder.EnabledPluginsFile;
                env["RABBITMQ_MNESIA_BASE"] = folder.Mnesia;
                env["RABBITMQ_LOG_BASE"] = folder.Logs;
                env["RABBITMQ_LOGS"] = "-";
                env["RABBITMQ_PID_FILE"] = folder.PidFile;
                // Our epmd answers already: without -start_epmd false the node would also spawn "epmd -daemon",
                // which outlives the run. The management listener's port is known only once DCP has chosen it.
                env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = ReferenceExpression.Create(
                    $"-start_epmd false -rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{management.Property(EndpointProperty.TargetPort)}}}]");
                // And for every Erlang VM the broker starts itself: when epmd stops first (the application stopping,
                // or epmd restarted), the broker's epmd monitor runs `erl -sname …` to bring one back, which would
                // be a daemon on 0.0.0.0 outliving the run.
                env["ERL_FLAGS"] = "-start_epmd false";
            })
            .WithHttpHealthCheck("/", endpointName: LocalRabbitMQResource.ManagementEndpointName)
            .WithIconName("Mailbox")
            .WaitFor(epmd)
            .OnBeforeResourceStarted(async (resource, e, ct) =>
                folder.Prepare(LocalRabbitMQResource.UserName, (await resource.Password.GetValueAsync(ct))!, resource.Password.Name));
    }

    private static IResourceBuilder<EpmdResource> AddEpmd(this IDistributedApplicationBuilder builder, string name, RabbitMQInstallation installation, RabbitMQFolder folder)
    {
        Directory.CreateDirectory(folder.Root);
        var epmd = new EpmdResource(name, installation.Epmd, folder.Root);
        return builder.AddResource(epmd)
            .WithEndpoint(EpmdResource.EndpointName, endpoint => endpoint.UriScheme = "tcp")
            .WithUrlForEndpoint(EpmdResource.EndpointName, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithArgs(context =>
            {
                context.Args.Add("-port");
                context.Args.Add(new EndpointReference(epmd, EpmdResource.EndpointName).Property(EndpointProperty.TargetPort));
                context.Args.Add("-address");
                context.Args.Add("127.0.0.1");
            })
            .WithIconName("PlugConnected")
            .WithHealthCheck($"{name}-names", resource => new EpmdHealthCheck(resource));
    }
}
