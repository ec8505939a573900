using System.Security.Cryptography;
using System.Text;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>
/// Where a local cluster lives and whose it is. initdb and postgres refuse to run as root, so when
/// we are root both run as the "postgres" account, which must own the folder and be able to reach it.
/// </summary>
internal sealed class PostgresDataFolder
{
    private const string FallbackRoot = "/var/lib/strategyplatform";

    private PostgresDataFolder(string root, SystemAccount? account)
    {
        Root = root;
        Account = account;
    }

    public string Root { get; }
    /// <summary>The account the server runs as; null when it runs as the current user.</summary>
    public SystemAccount? Account { get; }
    public string Cluster => Path.Combine(Root, "cluster");
    public string PasswordFile => Path.Combine(Root, "superuser.password");
    public string PostmasterPidFile => Path.Combine(Cluster, "postmaster.pid");
    public bool IsInitialized => File.Exists(Path.Combine(Cluster, "PG_VERSION"));

    public static async Task<PostgresDataFolder> PrepareAsync(string requested, Action<string> log, CancellationToken ct)
    {
        requested = Path.GetFullPath(requested);
        SystemAccount? account = null;
        var root = requested;
        if (Libc.IsRoot)
        {
            account = SystemAccount.Find("postgres") ?? throw new ServerNotInstalledException("PostgreSQL (its \"postgres\" account)", "postgresql");
            var parent = Path.GetDirectoryName(requested)!;
            Directory.CreateDirectory(parent);
            if (!await CanTraverseAsync(account, parent, ct))
            {
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requested)))[..12];
                root = Path.Combine(FallbackRoot, hash);
                log($"The postgres account cannot reach {parent}; keeping this cluster in {root} instead.");
            }
        }
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (account is not null) Libc.Chown(root, account);

        var folder = new PostgresDataFolder(root, account);
        if (!File.Exists(folder.PasswordFile))
        {
            Secret.WriteOwnerOnly(folder.PasswordFile, Secret.Alphanumeric(32));
            if (account is not null) Libc.Chown(folder.PasswordFile, account);
        }
        return folder;
    }

    public string ReadPassword() => File.ReadAllText(PasswordFile).Trim();

    /// <summary>Asks the account itself: permissions of every folder on the path, ACLs included, count.</summary>
    private static async Task<bool> CanTraverseAsync(SystemAccount account, string folder, CancellationToken ct)
    {
        await using var probe = ChildProcess.Start(
            new ChildProcessSpec("/usr/bin/test", ["-x", folder]) { UserName = account.Name, WorkingDirectory = "/" }, _ => { });
        return await probe.Exited.WaitAsync(ct) == 0;
    }
}
