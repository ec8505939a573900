using Xunit;

namespace StrategyPlatform.TestSupport;

/// <summary>
/// What one test class gets: its own databases and its own RabbitMQ virtual host on the shared
/// servers, and the services it starts in-process against them. Everything is removed afterwards.
/// </summary>
public sealed class ServiceTestBed : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> hosts = [];
    private readonly List<string> databases = [];

    public SharedServers Servers { get; private set; } = null!;
    public string VirtualHost { get; } = $"test-{Guid.NewGuid():N}";
    public string MessagingUri => Servers.RabbitMq.AmqpUri(VirtualHost);

    /// <summary>The test bed's own token signing key, given to every service it starts.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>Every span recorded by the services this test bed started.</summary>
    public SpanCollection Spans { get; } = new();

    public async Task InitializeAsync()
    {
        Servers = await SharedServers.GetAsync();
        await Servers.RabbitMq.CreateVirtualHostAsync(VirtualHost);
    }

    /// <summary>A new, empty database on the shared server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"{purpose}_{Guid.NewGuid():N}"; // well under PostgreSQL's 63-character limit
        await Servers.Postgres.EnsureDatabaseAsync(name);
        databases.Add(name);
        return Servers.Postgres.ConnectionString(name);
    }

    /// <summary>
    /// Starts a service in-process with a fresh database bound to <paramref name="connectionName"/> (or the one
    /// <paramref name="database"/> names, e.g. to start it again after <see cref="StopServiceAsync"/>) and waits until
    /// its <c>/health</c> answers 200. With <paramref name="realHttp"/> it serves on Kestrel.
    /// </summary>
    public async Task<ServiceHost<TEntry>> StartServiceAsync<TEntry>(
        string connectionName,
        IDictionary<string, string?>? settings = null,
        string? messagingUri = null,
        bool realHttp = false,
        string? database = null) where TEntry : class
    {
        var all = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{connectionName}"] = database ?? await CreateDatabaseAsync(connectionName),
            ["ConnectionStrings:messaging"] = messagingUri ?? MessagingUri,
            ["Jwt:SigningKey"] = SigningKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var host = new ServiceHost<TEntry>(all, Spans);
        if (realHttp)
        {
            // A free loopback port, for clients outside the test server. Through Kestrel's own options, not
            // UseKestrel(0): that sets the port on the built host while the service's Main, on its own thread, is
            // already starting Kestrel, and loses that race now and then on a loaded machine ("Addresses cannot be
            // modified after the server has started").
            host.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }
        hosts.Add(host);
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>Stops a service as its host would (SIGTERM: the hosted services stop gracefully), before the test bed ends.</summary>
    public async Task StopServiceAsync<TEntry>(ServiceHost<TEntry> host) where TEntry : class
    {
        hosts.Remove(host);
        await host.DisposeAsync();
    }

    /// <summary>A client calling <paramref name="host"/> as a signed-in staff member, the way the portal does.</summary>
    public HttpClient CreateStaffClient<TEntry>(ServiceHost<TEntry> host, string[] roles, string[]? units = null, string userId = "test-user")
        where TEntry : class
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", StaffTokens.Issue(SigningKey, userId, roles, units ?? []));
        return client;
    }

    public async Task DisposeAsync()
    {
        for (var i = hosts.Count - 1; i >= 0; i--)
        {
            await hosts[i].DisposeAsync();
        }
        foreach (var database in databases)
        {
            await Servers.Postgres.DropDatabaseAsync(database);
        }
        await Servers.RabbitMq.DeleteVirtualHostAsync(VirtualHost);
    }
}
