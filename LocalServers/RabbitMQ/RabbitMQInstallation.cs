namespace StrategyPlatform.LocalServers;

/// <summary>
/// Debian's rabbitmq-server package. Its /usr/sbin/rabbitmq-server is a wrapper that switches to the
/// rabbitmq account; the script under /usr/lib/rabbitmq/bin runs the broker as we are.
/// </summary>
internal sealed record RabbitMQInstallation(string ServerScript, string Epmd)
{
    public static RabbitMQInstallation Find(string script = "/usr/lib/rabbitmq/bin/rabbitmq-server", params string[] epmdCandidates)
    {
        var epmd = (epmdCandidates.Length > 0 ? epmdCandidates : ["/usr/bin/epmd", "/usr/lib/erlang/bin/epmd"]).FirstOrDefault(File.Exists);
        if (!File.Exists(script) || epmd is null)
        {
            throw new ServerNotInstalledException("RabbitMQ", "rabbitmq-server");
        }
        return new RabbitMQInstallation(script, epmd);
    }
}
