using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StrategyPlatform.Portal.Accounts;
using StrategyPlatform.Portal.Data;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// One test class's world: a fresh portal database, the real portal on a free loopback port, and one
/// Chromium (Debian's, never downloaded) for the whole class. Each test opens its own browser context.
/// A derived fixture starts the services its pages need (<see cref="ServiceAddressesAsync"/>).
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@lm.gov.lv";
    public string AdminPassword { get; } = $"Admin-{Guid.NewGuid():N}"[..24] + "X9";

    private readonly ServiceTestBed bed = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public PortalHost Host { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A closed loopback port: the Kpi, Surveys and MediaEvents services are "down" for the portal.</summary>
    private static readonly string DownService = $"http://127.0.0.1:{ClosedPort()}";

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The test bed (databases, broker, signing key) a derived fixture starts its services on.</summary>
    protected ServiceTestBed Bed => bed;

    /// <summary>Where the portal finds each service (kpi, surveys, mediaevents); by default all are down.</summary>
    protected virtual Task<Dictionary<string, string>> ServiceAddressesAsync() => Task.FromResult(new Dictionary<string, string>
    {
        ["kpi"] = DownService,
        ["surveys"] = DownService,
        ["mediaevents"] = DownService,
    });

    /// <summary>Whether the portal gets the broker (<c>ConnectionStrings:messaging</c>), for live dashboards.</summary>
    protected virtual bool ListensToMessages => false;

    public virtual async Task InitializeAsync()
    {
        await bed.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:portaldb"] = await bed.CreateDatabaseAsync("portaldb"),
            ["Jwt:SigningKey"] = bed.SigningKey,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            // A class signs in more often in a minute than a person would; Security.Tests' Rate_limits proves the limits.
            ["Portal:RateLimits:SignInsPerMinute"] = "1000",
            ["Portal:RateLimits:PublicPagesPerMinute"] = "100000",
        };
        foreach (var (service, address) in await ServiceAddressesAsync())
        {
            settings[$"services:{service}:http:0"] = address;
        }
        if (ListensToMessages)
        {
            settings["ConnectionStrings:messaging"] = bed.MessagingUri;
        }
        Host = new PortalHost(settings);
        BaseUrl = Host.Start();
        await WaitUntilReadyAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies, signed out) with one page. By default a Latvian browser
    /// (<c>Accept-Language: lv-LV</c>), the portal's usual visitor; <paramref name="locale"/> sets another.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(string locale = "lv-LV")
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), Locale = locale });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>A fresh browser context signed in as the first Administrator (from the bootstrap settings).</summary>
    public async Task<BrowserSession> OpenAsAdministratorAsync()
    {
        var session = await OpenAsync();
        await session.Page.SignInAsync(AdminEmail, AdminPassword);
        return session;
    }

    /// <summary>A staff account created directly (not through the UI), ready to sign in.</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(string[] roles, string[]? units = null, string name = "Test User")
    {
        var email = $"user-{Guid.NewGuid():N}"[..17] + "@lm.gov.lv";
        var change = await Host.Services.GetRequiredService<StaffAccounts>().CreateAsync(email, name, new StaffAccess(roles, units ?? []));
        Assert.True(change.Succeeded, string.Join("; ", change.Errors));
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return (email, change.InitialPassword!);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl };
        var last = "";
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await client.GetAsync("health");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            last = await response.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }
        throw new TimeoutException($"The portal did not become ready: {last}");
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        await bed.DisposeAsync();
    }
}

public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
