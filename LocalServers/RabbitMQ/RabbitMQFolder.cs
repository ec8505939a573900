using System.Security.Cryptography;
using System.Text;

namespace StrategyPlatform.LocalServers;

/// <summary>A broker's folder: its configuration files and its state (database, logs, Erlang cookie).</summary>
internal sealed class RabbitMQFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    /// <summary>Unique per folder, so two brokers on one machine never share an Erlang node name.</summary>
    public string NodeName => $"sp-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..12]}@localhost";
    public string ConfigFile => Path.Combine(Root, "rabbitmq.conf");
    public string EnabledPluginsFile => Path.Combine(Root, "enabled_plugins");
    public string EnvironmentFile => Path.Combine(Root, "rabbitmq-env.conf");
    public string Mnesia => Path.Combine(Root, "mnesia");
    public string Logs => Path.Combine(Root, "log");
    /// <summary>HOME of the broker: the Erlang cookie is written there, not in the user's home.</summary>
    public string Home => Path.Combine(Root, "home");
    public string PidFile => Path.Combine(Root, "beam.pid");
    private string FingerprintFile => Path.Combine(Root, "default_user.sha256");

    /// <summary>
    /// Writes the configuration. The default user is created only with a new database, so a database
    /// made with another password is reported rather than silently locking the platform out.
    /// </summary>
    public void Prepare(string user, string password, string parameterName)
    {
        Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Logs);
        if (Directory.Exists(Mnesia))
        {
            PasswordFingerprint.Check(FingerprintFile, password, "RabbitMQ", parameterName, Root);
        }
        else
        {
            PasswordFingerprint.Write(FingerprintFile, password);
        }
        OwnerOnlyFile.Write(ConfigFile, string.Join('\n',
            $"default_user = {user}",
            $"default_pass = {password}",
            "loopback_users = none",
            ""));
        File.WriteAllText(EnabledPluginsFile, "[rabbitmq_management].\n");
        // Our own (empty) environment file, so /etc/rabbitmq/rabbitmq-env.conf cannot rename the node.
        File.WriteAllText(EnvironmentFile, "");
    }
}
