using System.Security.Cryptography;
using System.Text;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A broker's folder: its configuration files, its generated credentials and its state.</summary>
internal sealed class RabbitMqDataFolder
{
    public const string UserName = "strategyplatform";

    private RabbitMqDataFolder(string root) => Root = root;

    public string Root { get; }
    public string Password => File.ReadAllText(PasswordFile).Trim();
    /// <summary>Unique per folder, so two brokers on one machine never share an Erlang node name.</summary>
    public string NodeName => $"sp-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..12]}@localhost";
    public string ConfigFile => Path.Combine(Root, "rabbitmq.conf");
    public string EnabledPluginsFile => Path.Combine(Root, "enabled_plugins");
    public string EnvironmentFile => Path.Combine(Root, "rabbitmq-env.conf");
    public string Mnesia => Path.Combine(Root, "mnesia");
    public string Logs => Path.Combine(Root, "log");
    /// <summary>HOME of the broker: the Erlang cookie is written there, not in the user's home.</summary>
    public string Home => Path.Combine(Root, "home");
    public string ServerPidFile => Path.Combine(Root, "server.pid");
    public string ErlangPidFile => Path.Combine(Root, "beam.pid");
    public string EpmdPidFile => Path.Combine(Root, "epmd.pid");
    private string PasswordFile => Path.Combine(Root, "default_user.password");

    /// <summary>The folder's paths, without creating or writing anything.</summary>
    public static RabbitMqDataFolder At(string directory) => new(Path.GetFullPath(directory));

    public static RabbitMqDataFolder Prepare(string requested, int amqpPort, int managementPort, Action<string> log)
    {
        var folder = At(requested);
        Directory.CreateDirectory(folder.Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(folder.Home);
        Directory.CreateDirectory(folder.Logs);
        if (!File.Exists(folder.PasswordFile))
        {
            // default_user is applied only when the broker's database is created: a database made
            // with a password we no longer know would lock us out, so it is started afresh.
            if (Directory.Exists(folder.Mnesia))
            {
                log($"Removing {folder.Mnesia}: its credentials were lost.");
                Directory.Delete(folder.Mnesia, recursive: true);
            }
            Secret.WriteOwnerOnly(folder.PasswordFile, Secret.Alphanumeric(32));
        }
        Secret.WriteOwnerOnly(folder.ConfigFile, string.Join('\n',
            $"listeners.tcp.default = 127.0.0.1:{amqpPort}",
            $"management.tcp.port = {managementPort}",
            "management.tcp.ip = 127.0.0.1",
            $"default_user = {UserName}",
            $"default_pass = {folder.Password}",
            "loopback_users = none",
            ""));
        File.WriteAllText(folder.EnabledPluginsFile, "[rabbitmq_management].\n");
        // Our own (empty) environment file, so /etc/rabbitmq/rabbitmq-env.conf cannot rename the node.
        File.WriteAllText(folder.EnvironmentFile, "");
        return folder;
    }
}
