using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace StrategyPlatform.LocalServers;

/// <summary>
/// Where a local cluster lives and whose it is. initdb and postgres refuse to run as root, so when we
/// are root both run as the "postgres" account, which must own the folder and be able to reach it.
/// </summary>
internal sealed class PostgresCluster
{
    public const string Superuser = "postgres";
    private const string FallbackRoot = "/var/lib/strategyplatform";

    private PostgresCluster(string root, SystemAccount? account, string binDirectory)
    {
        Root = root;
        Account = account;
        BinDirectory = binDirectory;
    }

    public string Root { get; }
    /// <summary>The account the server runs as; null when it runs as the current user.</summary>
    public SystemAccount? Account { get; }
    public string BinDirectory { get; }
    public string DataPath => Path.Combine(Root, "cluster");
    private string FingerprintFile => Path.Combine(Root, "superuser.sha256");
    /// <summary>Where the AppHost before Aspire kept the superuser's password.</summary>
    public string LegacyPasswordFile => Path.Combine(Root, "superuser.password");
    private bool IsInitialized => File.Exists(Path.Combine(DataPath, "PG_VERSION"));

    /// <summary>The folder for <paramref name="requested"/>: itself, or (as root) a folder the postgres account can reach.</summary>
    public static PostgresCluster Locate(string requested, string binDirectory)
    {
        requested = Path.GetFullPath(requested);
        if (!SystemAccount.WeAreRoot)
        {
            return new PostgresCluster(requested, null, binDirectory);
        }
        var account = SystemAccount.Find("postgres") ?? throw new ServerNotInstalledException("PostgreSQL (its \"postgres\" account)", "postgresql");
        var parent = Path.GetDirectoryName(requested)!;
        Directory.CreateDirectory(parent);
        if (CanTraverse(account, parent))
        {
            return new PostgresCluster(requested, account, binDirectory);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requested)))[..12];
        return new PostgresCluster(Path.Combine(FallbackRoot, hash), account, binDirectory);
    }

    /// <summary>The server program and its arguments up to the port; as root through setpriv, which leaves no process between DCP and postgres.</summary>
    public (string Command, IReadOnlyList<string> Arguments) ServerCommand()
    {
        string[] server = [Path.Combine(BinDirectory, "postgres"), "-D", DataPath,
            "-c", "listen_addresses=localhost",
            // No Unix socket: it would need a short, shared folder, and every client uses TCP.
            "-c", "unix_socket_directories=",
            // The outbox and the aggregator's change tables are queues whose reads walk every row deleted since the
            // last vacuum; the tables ask for one every 2,000 dead rows, but autovacuum visits a database only once
            // per naptime (a minute by default: 27,000 answers at a campaign's rate). See the README for a real server.
            "-c", "autovacuum_naptime=5s"];
        return Account is null
            ? (server[0], server[1..])
            : ("/usr/bin/setpriv", [.. OneShotCommand.AsAccount(Account), .. server]);
    }

    /// <summary>Creates the folder and, on first use, the cluster with the superuser's password.</summary>
    public async Task PrepareAsync(string password, string parameterName, ILogger log, CancellationToken ct)
    {
        Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Account?.Own(Root);
        if (IsInitialized)
        {
            if (!File.Exists(FingerprintFile) && File.Exists(LegacyPasswordFile) && File.ReadAllText(LegacyPasswordFile).Trim() == password)
            {
                PasswordFingerprint.Write(FingerprintFile, password); // a cluster of the earlier AppHost, its password adopted
            }
            PasswordFingerprint.Check(FingerprintFile, password, "PostgreSQL", parameterName, Root);
            return;
        }
        if (Directory.Exists(DataPath))
        {
            log.LogWarning("Removing {Cluster}: an earlier initdb did not finish.", DataPath);
            Directory.Delete(DataPath, recursive: true);
        }
        log.LogInformation("Creating a PostgreSQL cluster in {Cluster}.", DataPath);
        var passwordFile = Path.Combine(Root, "initdb.password");
        OwnerOnlyFile.Write(passwordFile, password);
        Account?.Own(passwordFile);
        try
        {
            var (exitCode, output) = await OneShotCommand.RunAsync(Path.Combine(BinDirectory, "initdb"),
                ["-D", DataPath, "-U", Superuser, "--pwfile", passwordFile, "--auth", "scram-sha-256",
                 "--encoding", "UTF8", "--locale", "C.UTF-8", "--no-instructions"], Account, ct);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {exitCode}: {output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
        PasswordFingerprint.Write(FingerprintFile, password);
    }

    /// <summary>Asks the account itself: permissions of every folder on the path, ACLs included, count.</summary>
    private static bool CanTraverse(SystemAccount account, string folder) =>
        OneShotCommand.RunAsync("/usr/bin/test", ["-x", folder], account, CancellationToken.None).GetAwaiter().GetResult().ExitCode == 0;
}
