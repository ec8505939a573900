using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using StrategyPlatform.Kpi;
using StrategyPlatform.MediaEvents;
using StrategyPlatform.Portal.Accounts;
using StrategyPlatform.Portal.Data;
using StrategyPlatform.Surveys;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// The whole platform in-process on the shared servers: the three services (real HTTP, as the portal
/// and the aggregator call them) and the portal on the in-memory test server. One per test collection:
/// the matrix, the hostile corpus and the anonymity test each take their own snapshot of what they check.
/// </summary>
public sealed class SecuredPlatform : IAsyncLifetime
{
    public const string AdminEmail = "admin@lm.gov.lv";
    public string AdminPassword { get; } = $"Admin-{Guid.NewGuid():N}"[..24] + "X9";

    public ServiceTestBed Bed { get; } = new();
    public LogCollection Logs { get; } = new();
    public MailServer Mail { get; private set; } = null!;
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;
    public ServiceHost<MediaEventsService> MediaEvents { get; private set; } = null!;
    public ServiceHost<KpiService> Kpi { get; private set; } = null!;
    public PortalServer Portal { get; private set; } = null!;
    public Identities Identities { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        // A real SMTP server, so that the anonymity test can read what a mailing sent.
        Mail = await SharedServers.GetMailAsync();
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", new Dictionary<string, string?>
        {
            ["ConnectionStrings:mail"] = Mail.ConnectionString,
            ["Surveys:PortalUrl"] = "https://aptaujas.example.lv",
            ["Surveys:Mail:PerMinute"] = "60000",
        }, realHttp: true);
        MediaEvents = await Bed.StartServiceAsync<MediaEventsService>("mediadb", realHttp: true);
        Kpi = await Bed.StartServiceAsync<KpiService>("kpidb", new Dictionary<string, string?>
        {
            ["services:surveys:http:0"] = Surveys.Address,
            ["services:mediaevents:http:0"] = MediaEvents.Address,
        }, realHttp: true);
        Portal = new PortalServer(new Dictionary<string, string?>
        {
            ["ConnectionStrings:portaldb"] = await Bed.CreateDatabaseAsync("portaldb"),
            ["ConnectionStrings:messaging"] = Bed.MessagingUri,
            ["Jwt:SigningKey"] = Bed.SigningKey,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["services:surveys:http:0"] = Surveys.Address,
            ["services:mediaevents:http:0"] = MediaEvents.Address,
            ["services:kpi:http:0"] = Kpi.Address,
            // The matrix signs in once per role; the limits themselves are tested on a portal of their own.
            ["Portal:RateLimits:SignInsPerMinute"] = "1000",
            ["Portal:RateLimits:PublicPagesPerMinute"] = "100000",
        }, Bed.Spans);
        await Eventually.ReturnsAsync(async () => (await Portal.CreateClient().GetAsync("/health")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60),
            because: "the portal never became ready");
        foreach (var services in new[] { Surveys.Services, MediaEvents.Services, Kpi.Services, Portal.Services })
        {
            services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
        }
        Identities = await Identities.CreateAsync(this);
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Bed.DisposeAsync();
    }

    /// <summary>Each app's database, by the name the app knows it by.</summary>
    public IReadOnlyDictionary<string, string> Databases => new Dictionary<string, string>
    {
        ["surveysdb"] = ConnectionString(Surveys.Services, "surveysdb"),
        ["mediadb"] = ConnectionString(MediaEvents.Services, "mediadb"),
        ["kpidb"] = ConnectionString(Kpi.Services, "kpidb"),
        ["portaldb"] = ConnectionString(Portal.Services, "portaldb"),
    };

    private static string ConnectionString(IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)!;

    public async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(Databases[database]);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A staff account made directly (not through the page), ready to sign in.</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(string[] roles, string[]? units = null)
    {
        var email = $"user-{Guid.NewGuid():N}"[..17] + "@lm.gov.lv";
        var change = await Portal.Services.GetRequiredService<StaffAccounts>().CreateAsync(email, $"Test {string.Join(" ", roles)}", new StaffAccess(roles, units ?? []));
        Assert.True(change.Succeeded, string.Join("; ", change.Errors));
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return (email, change.InitialPassword!);
    }

    /// <summary>Signs in through the sign-in form (antiforgery token and all); the client keeps the session cookie.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var form = await FormAsync(browser, "account/signin");
        return await browser.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = form,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the form on the page (the client keeps its cookie).</summary>
    public static async Task<string> FormAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        return Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>The errors the apps logged (for a failure message: what went wrong behind a 500).</summary>
    public string Errors() => string.Join("\n", Logs.Snapshot().Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).TakeLast(5));

    private IReadOnlyList<AppEndpoint>? endpoints;
    private readonly Dictionary<string, HttpClient> clients = [];

    /// <summary>Every endpoint of the four apps, from their own endpoint data sources; the portal's framework plumbing left out.</summary>
    public async Task<IReadOnlyList<AppEndpoint>> EndpointsAsync() => endpoints ??=
    [
        .. await AppEndpoint.ReadAsync("surveys", Surveys.Services),
        .. await AppEndpoint.ReadAsync("mediaevents", MediaEvents.Services),
        .. await AppEndpoint.ReadAsync("kpi", Kpi.Services),
        .. (await AppEndpoint.ReadAsync("portal", Portal.Services)).Where(e => !IsFramework(e)),
    ];

    /// <summary>Blazor's own endpoints (its script, the circuit hub) and the static files: the same for every visitor, not the portal's to declare.</summary>
    public static bool IsFramework(AppEndpoint endpoint) =>
        endpoint.Route.StartsWith("/_blazor", StringComparison.Ordinal) || endpoint.Route.StartsWith("/_framework", StringComparison.Ordinal) || endpoint.Route == "/{**path:file}"
        || endpoint.Endpoint.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true);

    /// <summary>One test client per service (a token is added per request).</summary>
    public HttpClient ClientOf(string app)
    {
        lock (clients)
        {
            if (!clients.TryGetValue(app, out var client))
            {
                clients[app] = client = app switch
                {
                    "surveys" => Surveys.CreateClient(),
                    "mediaevents" => MediaEvents.CreateClient(),
                    "kpi" => Kpi.CreateClient(),
                    _ => Portal.Browser(handleCookies: false),
                };
            }
            return client;
        }
    }

    public HttpClient AsStaff<TEntry>(ServiceHost<TEntry> host, params string[] roles) where TEntry : class =>
        Bed.CreateStaffClient(host, roles, roles.Contains(ServiceDefaults.Authentication.StaffRoles.IndicatorOwner) ? ["PDPD"] : []);
}

[CollectionDefinition(Name)]
public sealed class OnTheSecuredPlatform : ICollectionFixture<SecuredPlatform>
{
    public const string Name = "the secured platform";
}
