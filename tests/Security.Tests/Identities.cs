using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Security.Tests;

/// <summary>One caller of the matrix: its bearer token (services) or its signed-in browser (portal), and the roles it holds.</summary>
/// <param name="Valid">A token the services accept (a real staff member), as opposed to none or a false one.</param>
public sealed record Identity(string Name, IReadOnlySet<string> Roles, bool Valid, string? Token, HttpClient? Browser)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every kind of caller the matrix tries: nobody, each staff role, a signed-in user with no role, and
/// tokens that must not be trusted (forged, expired, signed with another key, for another audience,
/// unsigned). In the portal: nobody, a forged session cookie, and a signed-in browser per role.
/// </summary>
public sealed class Identities
{
    public IReadOnlyList<Identity> Services { get; private init; } = [];
    public IReadOnlyList<Identity> Portal { get; private init; } = [];

    public static async Task<Identities> CreateAsync(SecuredPlatform platform)
    {
        var key = platform.Bed.SigningKey;
        var services = new List<Identity>
        {
            new("anonymous", Empty, false, null, null),
            new("forged token", Empty, false, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LWEtc2lnbmF0dXJl", null),
            new("expired token", Set(StaffRoles.Administrator), false, Issue(key, [StaffRoles.Administrator], clock: new Past(TimeSpan.FromHours(2))), null),
            new("token signed with another key", Set(StaffRoles.Administrator), false, Issue(OtherKey(), [StaffRoles.Administrator]), null),
            new("token for another audience", Set(StaffRoles.Administrator), false, Issue(key, [StaffRoles.Administrator], audience: "somebody-else"), null),
            new("unsigned token", Set(StaffRoles.Administrator), false, Unsigned(StaffRoles.Administrator), null),
            new("staff without a role", Empty, true, Issue(key, []), null),
        };
        services.AddRange(StaffRoles.All.Select(role => new Identity(role, Set(role), true,
            Issue(key, [role], role == StaffRoles.IndicatorOwner ? ["PDPD"] : []), null)));

        var portal = new List<Identity>
        {
            new("anonymous", Empty, false, null, platform.Portal.Browser()),
            new("forged session cookie", Empty, false, null, ForgedSession(platform)),
        };
        foreach (var role in StaffRoles.All)
        {
            var (email, password) = await platform.CreateUserAsync([role], role == StaffRoles.IndicatorOwner ? ["PDPD"] : null);
            var browser = platform.Portal.Browser();
            var signedIn = await platform.SignInAsync(browser, email, password);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"{role} could not sign in: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
            }
            portal.Add(new Identity(role, Set(role), true, null, browser));
        }
        return new Identities { Services = services, Portal = portal };
    }

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();

    private static IReadOnlySet<string> Set(string role) => new HashSet<string> { role };

    public static string Issue(string key, string[] roles, string[]? units = null, TimeProvider? clock = null, string? audience = null) =>
        new StaffTokenIssuer(Options.Create(new StaffTokenOptions { SigningKey = key, Audience = audience ?? new StaffTokenOptions().Audience }), clock ?? TimeProvider.System)
            .Issue("matrix-user", "Matrix user", roles, units ?? []);

    private static string OtherKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>The same claims with "alg": "none" and no signature: a classic forgery the validator must refuse.</summary>
    private static string Unsigned(string role)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var defaults = new StaffTokenOptions();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"sub\":\"x\",\"http://schemas.microsoft.com/ws/2008/06/identity/claims/role\":\"{role}\",\"iss\":\"{defaults.Issuer}\",\"aud\":\"{defaults.Audience}\",\"nbf\":{now},\"exp\":{now + 300}}}")}.";
    }

    /// <summary>A browser holding a session cookie the portal never issued.</summary>
    private static HttpClient ForgedSession(SecuredPlatform platform)
    {
        var browser = platform.Portal.Browser(handleCookies: false);
        browser.DefaultRequestHeaders.Add("Cookie", "StrategyPlatform.Staff=CfDJ8Forged" + new string('A', 200));
        return browser;
    }

    private sealed class Past(TimeSpan ago) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow - ago;
    }
}
