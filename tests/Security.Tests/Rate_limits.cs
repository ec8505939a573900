using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.Surveys;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Security.Tests;

/// <summary>The Surveys service and the portal with small limits, so a test reaches them in a few requests.</summary>
public sealed class LimitedPlatform : IAsyncLifetime
{
    public const string AdminEmail = "admin@lm.gov.lv";
    public ServiceTestBed Bed { get; } = new();
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;
    public PortalServer Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", new Dictionary<string, string?> { ["Surveys:Links:PermitsPerMinute"] = "2" }, realHttp: true);
        Portal = new PortalServer(new Dictionary<string, string?>
        {
            ["ConnectionStrings:portaldb"] = await Bed.CreateDatabaseAsync("portaldb"),
            ["Jwt:SigningKey"] = Bed.SigningKey,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = $"Admin-{Guid.NewGuid():N}"[..24] + "X9",
            ["services:surveys:http:0"] = Surveys.Address,
            ["Portal:RateLimits:SignInsPerMinute"] = "6",
            ["Portal:RateLimits:PublicPagesPerMinute"] = "4",
        }, Bed.Spans);
        await Eventually.ReturnsAsync(async () => (await Portal.CreateClient().GetAsync("/health")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Bed.DisposeAsync();
    }
}

/// <summary>Beyond a limit: 429 with ProblemDetails (or, for a browser asking for a page, the status page) and Retry-After.</summary>
public sealed class Rate_limits(LimitedPlatform platform) : IClassFixture<LimitedPlatform>
{
    [Fact]
    public async Task An_invitation_link_answers_429_problem_details_beyond_its_limit()
    {
        using var client = platform.Surveys.CreateClient();
        var link = "/api/answer/NoSuchLinkNoSuchLinkNoSuchLinkNoSuchLink123";

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.GetAsync(link));
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        await AssertTooManyAsync(answers[^1]);
        // Another link has its own allowance.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.Replace("123", "456"))).StatusCode);
    }

    [Fact]
    public async Task Signing_in_locks_an_account_after_five_wrong_passwords_and_answers_429_beyond_the_limit()
    {
        var email = $"guess-{Guid.NewGuid():N}"[..14] + "@lm.gov.lv";
        var accounts = platform.Portal.Services.GetRequiredService<Portal.Accounts.StaffAccounts>();
        var created = await accounts.CreateAsync(email, "Target", new Portal.Accounts.StaffAccess([ServiceDefaults.Authentication.StaffRoles.Leadership], []));
        using var browser = platform.Portal.Browser();
        async Task<HttpResponseMessage> TryAsync(string password)
        {
            var token = await SecuredPlatform.FormAsync(browser, "account/signin");
            return await browser.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
            }));
        }

        var wrong = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add(await TryAsync($"Wrong-password-{i}A"));
        }
        var right = await TryAsync(created.InitialPassword!);
        var beyond = await TryAsync(created.InitialPassword!);

        Assert.All(wrong, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode)); // the form again, with its message
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // locked out: the right password does not sign in either
        Assert.Null(right.Headers.Location);
        Assert.Equal(HttpStatusCode.TooManyRequests, beyond.StatusCode);
        await AssertTooManyAsync(beyond);
        var trail = await platform.Portal.Services.GetRequiredService<IAuditTrail>().ReadAsync(new AuditQuery(Subject: email, Action: "account."));
        Assert.Equal(4, trail.Items.Count(e => e.Action == "account.sign-in-failed"));
        Assert.Equal(2, trail.Items.Count(e => e.Action == "account.locked-out"));
        Assert.DoesNotContain(trail.Items, e => e.Action == "account.signed-in");
        Assert.All(trail.Items, e => Assert.Equal("anonymous", e.ActorId));
    }

    [Fact]
    public async Task The_public_survey_pages_answer_429_beyond_the_limit_with_a_page_for_a_browser()
    {
        using var browser = platform.Portal.Browser();
        var page = $"survey/{Guid.NewGuid()}";
        for (var i = 0; i < 4; i++)
        {
            Assert.True((int)(await browser.GetAsync(page)).StatusCode < 429);
        }

        using var html = new HttpRequestMessage(HttpMethod.Get, page);
        html.Headers.Accept.ParseAdd("text/html");
        var asPage = await browser.SendAsync(html);
        using var json = new HttpRequestMessage(HttpMethod.Get, page);
        json.Headers.Accept.ParseAdd("application/json");
        var asProblem = await browser.SendAsync(json);

        Assert.Equal(HttpStatusCode.TooManyRequests, asPage.StatusCode);
        Assert.NotNull(asPage.Headers.RetryAfter);
        Assert.Contains("Pārāk daudz pieprasījumu", WebUtility.HtmlDecode(await asPage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.TooManyRequests, asProblem.StatusCode);
        await AssertTooManyAsync(asProblem);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("retryAfter").GetInt32() > 0);
    }
}
