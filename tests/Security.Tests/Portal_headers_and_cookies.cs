using System.Net;
using System.Text.RegularExpressions;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Security.Tests;

/// <summary>The portal as in production (HSTS on), reached over HTTPS and over plain HTTP.</summary>
public sealed class ProductionPortal : IAsyncLifetime
{
    public const string AdminEmail = "admin@lm.gov.lv";
    public string AdminPassword { get; } = $"Admin-{Guid.NewGuid():N}"[..24] + "X9";
    public ServiceTestBed Bed { get; } = new();
    public PortalServer Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        Portal = new PortalServer(new Dictionary<string, string?>
        {
            ["ConnectionStrings:portaldb"] = await Bed.CreateDatabaseAsync("portaldb"),
            ["Jwt:SigningKey"] = Bed.SigningKey,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        }, Bed.Spans, environment: "Production");
        await Eventually.ReturnsAsync(async () => (await Portal.CreateClient().GetAsync("/health")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Bed.DisposeAsync();
    }
}

public sealed partial class Portal_headers_and_cookies(ProductionPortal production) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task Every_page_carries_a_content_security_policy_with_a_fresh_nonce_on_its_only_inline_script_and_the_other_security_headers()
    {
        using var browser = production.Portal.Browser("https://portal.example.lv/");
        var first = await browser.GetAsync("account/signin");
        var second = await browser.GetAsync("answer/NoSuchLinkNoSuchLinkNoSuchLinkNoSuchLink123");

        foreach (var response in new[] { first, second })
        {
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy);
            Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9_-]{20,}'(;|$)", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.Contains("base-uri 'self'", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
            Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
            var nonce = Nonce().Match(policy).Groups[1].Value;
            var html = await response.Content.ReadAsStringAsync();
            var inline = InlineScripts().Matches(html);
            Assert.NotEmpty(inline); // the import map
            Assert.All(inline, s => Assert.Contains($"nonce=\"{nonce}\"", s.Value));
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", Regex.Replace(html, "<script[^>]*>.*?</script>", "", RegexOptions.Singleline));
        }
        Assert.NotEqual(Nonce().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Value,
            Nonce().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Value);
    }

    [Fact]
    public async Task Cookies_are_http_only_same_site_and_secure_over_https_and_hsts_is_sent_only_over_https()
    {
        using var secure = production.Portal.Browser("https://portal.example.lv/");
        var form = await secure.GetAsync("account/signin");
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await secure.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Input.Email"] = ProductionPortal.AdminEmail, ["Input.Password"] = production.AdminPassword,
        }));
        var culture = await secure.GetAsync("culture?culture=en&returnUrl=/");
        using var plain = production.Portal.Browser("http://portal.example.lv/");
        var overHttp = await plain.GetAsync("account/signin");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = new[] { form, signedIn, culture }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith("StrategyPlatform.Staff=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var attributes = c.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Matches("; samesite=(lax|strict)", attributes);
        });
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.All(overHttp.Headers.TryGetValues("Set-Cookie", out var plainCookies) ? plainCookies : [], c => Assert.DoesNotContain("; secure", c.ToLowerInvariant()));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}
