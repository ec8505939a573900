using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.LocalServers;

/// <summary>A RabbitMQ broker the services talk through: a local one, or one the user runs.</summary>
public interface IRabbitMQServerResource : IResourceWithConnectionString, IResourceWithWaitSupport;

/// <summary>RabbitMQ run by the orchestrator from the machine's rabbitmq-server package, on a folder of ours.</summary>
public sealed class LocalRabbitMQResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IRabbitMQServerResource
{
    internal const string UserName = "strategyplatform";
    internal const string AmqpEndpointName = "tcp";
    internal const string ManagementEndpointName = "management";
    internal const string DistributionEndpointName = "distribution";
    private EndpointReference? amqp;

    public ParameterResource Password { get; } = password;
    public EndpointReference AmqpEndpoint => amqp ??= new(this, AmqpEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{AmqpEndpoint.Property(EndpointProperty.Host)}:{AmqpEndpoint.Property(EndpointProperty.Port)}/");
}

/// <summary>The user's own broker, from <c>ConnectionStrings__{name}</c> (an amqp:// or amqps:// URI): checked, never started or stopped.</summary>
public sealed class ExistingRabbitMQResource(string name, ParameterResource connectionString) : Resource(name), IRabbitMQServerResource
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{connectionString}");
}
