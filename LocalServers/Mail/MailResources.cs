using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// An SMTP server the services send mail through: a local development one, or the relay the user names. Its
/// connection string is <c>Endpoint=smtp://host:port</c> (<c>smtps://</c> for TLS from the first byte), with
/// <c>;Username=…;Password=…</c> when the relay wants them.
/// </summary>
public interface IMailServerResource : IResourceWithConnectionString, IResourceWithWaitSupport;

/// <summary>
/// smtp4dev, run by the orchestrator from the repository's .NET tools (<c>dotnet tool restore</c>): every message
/// is kept (in memory, for the run) and shown in its web inbox, nothing is delivered anywhere.
/// </summary>
public sealed class LocalMailResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IMailServerResource
{
    internal const string SmtpEndpointName = "smtp";
    internal const string InboxEndpointName = "http";
    private EndpointReference? smtp;

    public EndpointReference SmtpEndpoint => smtp ??= new(this, SmtpEndpointName);
    public EndpointReference InboxEndpoint => new(this, InboxEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>The user's own relay, from <c>ConnectionStrings__{name}</c>: checked, never started or stopped.</summary>
public sealed class ExistingMailResource(string name, ParameterResource connectionString) : Resource(name), IMailServerResource
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{connectionString}");
}
