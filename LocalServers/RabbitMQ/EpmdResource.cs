using Aspire.Hosting.ApplicationModel;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// Erlang's port mapper for one broker alone, on loopback, stopped with the application (the daemon a
/// broker would otherwise start outlives every run).
/// </summary>
/// <remarks>
/// The broker must reach epmd on epmd's own port, not through DCP's proxy (Erlang checks that the answer
/// names the port it asked on), and an executable may use only its own ports in DCP's templates. So epmd's
/// health check learns the port from epmd itself, and the broker, which waits for epmd, is given it.
/// </remarks>
public sealed class EpmdResource(string name, string command, string workingDirectory) : ExecutableResource(name, command, workingDirectory)
{
    internal const string EndpointName = "tcp";

    /// <summary>The port epmd reported in its last answer to the health check; null before the first.</summary>
    public int? ListeningPort { get; internal set; }
}
