using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyPlatform.LocalServers;

namespace StrategyPlatform.TestSupport;

/// <summary>
/// PostgreSQL and RabbitMQ for tests, from the AppHost's own local-server resources (<c>AddLocalPostgres</c>,
/// <c>AddLocalRabbitMQ</c>), run by DCP in a small Aspire application of the test process, on ports DCP
/// chooses and in a folder of the test's. DCP watches the test process: however it ends (a failed test,
/// a crash, a kill), DCP stops every server it started.
/// </summary>
public sealed class LocalServersApp : IAsyncDisposable
{
    /// <summary>DCP's location is recorded in the AppHost's assembly when it is built.</summary>
    private const string AppHostAssembly = "StrategyPlatform.AppHost";
    private readonly DistributedApplication app;

    private LocalServersApp(DistributedApplication app) => this.app = app;

    public DistributedApplication App => app;
    public PostgresServer? Postgres { get; private init; }
    public RabbitMqServer? RabbitMq { get; private init; }
    public MailServer? Mail { get; private init; }

    /// <param name="settings">Configuration for the application (e.g. <c>ConnectionStrings:postgres</c> for a user's own server).</param>
    /// <param name="declare">Further resources on the servers, e.g. a database.</param>
    public static async Task<LocalServersApp> StartAsync(string folder, bool postgres = true, bool rabbitMq = true, bool mail = false,
        IDictionary<string, string?>? settings = null, Action<IDistributedApplicationBuilder, IResourceBuilder<IPostgresServerResource>?>? declare = null)
    {
        var arguments = new Dictionary<string, string?>
        {
            [DataDirectoryExtensions.SettingName] = folder,
            // A user's own servers in the environment must not become the tests' servers.
            ["ConnectionStrings:postgres"] = "",
            ["ConnectionStrings:messaging"] = "",
            ["ConnectionStrings:mail"] = "",
            // Disposal returns once every process is gone.
            ["DcpPublisher:WaitForResourceCleanup"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            arguments[key] = value;
        }
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            AssemblyName = AppHostAssembly,
            DisableDashboard = true,
            EnableResourceLogging = true,
            Args = [.. arguments.Select(a => $"--{a.Key}={a.Value}")],
        });
        builder.Services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new TestLogProvider());
        });
        var server = postgres ? builder.AddLocalPostgres("postgres") : null;
        var broker = rabbitMq ? builder.AddLocalRabbitMQ("messaging") : null;
        var smtp = mail ? builder.AddLocalMail("mail") : null;
        declare?.Invoke(builder, server);
        var app = builder.Build();
        try
        {
            await app.StartAsync();
            foreach (var resource in builder.Resources.Where(r => r is IPostgresServerResource or IRabbitMQServerResource or PostgresDatabaseResource or IMailServerResource))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name).WaitAsync(TimeSpan.FromMinutes(3));
            }
            return new LocalServersApp(app)
            {
                Postgres = server is null ? null : new PostgresServer((await server.Resource.ConnectionStringExpression.GetValueAsync(default))!),
                RabbitMq = broker is null ? null : await RabbitMqServer.CreateAsync(app, broker.Resource),
                Mail = smtp is null ? null : await MailServer.CreateAsync(app, smtp.Resource),
            };
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
