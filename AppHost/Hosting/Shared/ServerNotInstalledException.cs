namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A server's binaries are missing; the message is one line that names the package to install.</summary>
public sealed class ServerNotInstalledException(string server, string package)
    : Exception($"{server} is not installed on this machine: apt-get install {package}")
{
    public string Package { get; } = package;
}
