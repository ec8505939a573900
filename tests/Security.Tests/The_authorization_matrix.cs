using System.Net;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;
using static StrategyPlatform.Security.Tests.Callers;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// Who may call what, for every endpoint of every app as the running apps list them: each is called by
/// nobody, by every staff role, by a staff member without a role and with false tokens or cookies, and
/// must answer as its declaration says (2xx or a domain answer / 401 / 403 / a redirect to sign-in).
/// An endpoint that declares nothing fails, so a new one cannot slip in unprotected; the public ones are
/// the short list below, and the full declaration is checked in (<c>Declared/*.txt</c>).
/// </summary>
[Collection(OnTheSecuredPlatform.Name)]
public sealed class The_authorization_matrix(SecuredPlatform platform)
{
    /// <summary>What anyone may call: answering by link, open-link surveys, the probes, the portal's public pages, and the API description in development.</summary>
    private static readonly string[] Public =
    [
        "surveys GET /api/answer/{token}", "surveys PUT /api/answer/{token}/draft", "surveys POST /api/answer/{token}/check", "surveys POST /api/answer/{token}",
        "surveys GET /api/open/{surveyId:guid}", "surveys POST /api/open/{surveyId:guid}",
        "portal GET /", "portal POST /", "portal GET /answer/{Token}", "portal POST /answer/{Token}", "portal GET /answer/thanks", "portal POST /answer/thanks",
        "portal GET /survey/{SurveyId:guid}", "portal POST /survey/{SurveyId:guid}", "portal GET /open/{SurveyId:guid}", "portal POST /open/{SurveyId:guid}",
        "portal GET /account/signin", "portal POST /account/signin", "portal GET /account/denied", "portal POST /account/denied", "portal POST /account/signout",
        "portal GET /culture", "portal GET /error", "portal POST /error", "portal GET /not-found", "portal POST /not-found",
        "portal GET /status/{Code:int}", "portal POST /status/{Code:int}",
        .. new[] { "surveys", "mediaevents", "kpi", "portal" }.SelectMany(app => new[] { $"{app} ANY /health", $"{app} ANY /alive" }),
        .. new[] { "surveys", "mediaevents", "kpi" }.SelectMany(app => new[] { $"{app} GET /openapi/{{documentName}}.json", $"{app} GET /scalar/{{documentName?}}" }
            .Concat(new[] { "favicon.svg", "scalar.js", "scalar.aspnetcore.js" }.Select(file => $"{app} GET /scalar/{file}"))),
    ];

    [Fact]
    public async Task Every_endpoint_declares_who_may_call_it_the_public_ones_are_the_short_list_and_all_match_the_checked_in_declaration()
    {
        var endpoints = await AllAsync();

        Assert.Empty(endpoints.Where(e => e.Access.StartsWith("UNDECLARED", StringComparison.Ordinal)).Select(e => e.Declaration));
        var open = endpoints.Where(e => e.Access == "public").Select(e => $"{e.App} {e.Method} {e.Route}").ToList();
        Assert.True(open.ToHashSet().SetEquals(Public),
            $"Public but not on the list:\n  {string.Join("\n  ", open.Except(Public))}\nOn the list but not public:\n  {string.Join("\n  ", Public.Except(open))}");
        var differences = new List<string>();
        foreach (var app in endpoints.GroupBy(e => e.App))
        {
            var declared = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Declared", $"{app.Key}.txt")).Where(l => l.Trim().Length > 0 && !l.StartsWith('#'));
            var running = app.Select(e => e.Declaration).ToList();
            var missing = declared.Except(running).ToList();
            var undeclared = running.Except(declared).ToList();
            if (missing.Count + undeclared.Count > 0)
            {
                differences.Add($"tests/Security.Tests/Declared/{app.Key}.txt differs from the running app.\nNot running (remove, or fix the app):\n  {string.Join("\n  ", missing)}\n" +
                    $"Running but not declared (review who may call it, then add):\n{string.Join("\n", undeclared)}");
            }
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task Every_service_endpoint_answers_nobody_false_tokens_and_each_role_as_declared()
    {
        var calls = from e in await ServiceEndpointsAsync()
                    from who in platform.Identities.Services
                    select new Call(platform.ClientOf(e.App), e.Method == "ANY" ? "GET" : e.Method, e.SampleUrl(), who,
                        e.Method is "POST" or "PUT" ? EmptyBody(e) : null, Label: e.Access);
        var wrong = (await SendAllAsync(calls)).Where(a => !AsDeclaredByAService(a)).Select(a => a.ToString()).ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers not as declared:\n{string.Join("\n", wrong.Take(40))}\n{platform.Errors()}");
    }

    /// <summary>Public: never refused for who is calling. Otherwise: 401 for no or a false token, 403 for a role not admitted, else past authorization. Never a 5xx.</summary>
    private static bool AsDeclaredByAService(Answer a)
    {
        var access = a.Call.Label;
        var refusal = a.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        if (a.Failure is not null || (int)a.Status >= 500)
        {
            return false;
        }
        if (access == "public")
        {
            return !refusal || a.Status == HttpStatusCode.Forbidden && a.Body.Contains("survey-link-not-yet-open", StringComparison.Ordinal);
        }
        if (!a.Call.Identity.Valid)
        {
            return a.Status == HttpStatusCode.Unauthorized && a.ContentType == "application/problem+json";
        }
        var admitted = access == "staff" || Admitted(access).Overlaps(a.Call.Identity.Roles);
        return admitted ? !refusal : a.Status == HttpStatusCode.Forbidden && a.ContentType == "application/problem+json";
    }

    [Fact]
    public async Task Every_portal_page_and_endpoint_answers_nobody_a_forged_session_and_each_role_as_declared()
    {
        var calls = from e in await PortalEndpointsAsync()
                    where e.Method is "GET" or "ANY"
                    from who in platform.Identities.Portal
                    select new Call(who.Browser!, "GET", e.SampleUrl().TrimStart('/'), who, Accept: "text/html", Label: e.Access);
        var wrong = (await SendAllAsync(calls, parallel: 4)).Where(a => !AsDeclaredByThePortal(a)).Select(a => a.ToString()).ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers not as declared:\n{string.Join("\n", wrong.Take(40))}");
    }

    /// <summary>Public: shown (or its own redirect). Otherwise: to sign-in for nobody, to "access denied" for a role not admitted, else shown.</summary>
    private static bool AsDeclaredByThePortal(Answer a)
    {
        var location = a.Location ?? "";
        var toSignIn = a.Status == HttpStatusCode.Redirect && location.Contains("/account/signin", StringComparison.Ordinal);
        var toDenied = a.Status == HttpStatusCode.Redirect && location.Contains("/account/denied", StringComparison.Ordinal);
        if (a.Failure is not null || (int)a.Status >= 500)
        {
            return false;
        }
        if (a.Call.Label == "public")
        {
            return !toSignIn && !toDenied;
        }
        if (!a.Call.Identity.Valid)
        {
            return toSignIn;
        }
        var admitted = a.Call.Label == "staff" || Admitted(a.Call.Label).Overlaps(a.Call.Identity.Roles);
        return admitted ? !toSignIn && !toDenied && a.Status != HttpStatusCode.Forbidden : toDenied;
    }

    [Fact]
    public async Task Only_administrators_manage_users_rebuild_the_indicators_and_read_the_audit_trail()
    {
        var endpoints = await AllAsync();
        string AccessOf(string app, string method, string route) => endpoints.Single(e => e.App == app && e.Method == method && e.Route == route).Access;

        var administrators = $"roles: {StaffRoles.Administrator}";
        Assert.Equal(administrators, AccessOf("portal", "GET", "/admin/users"));
        Assert.Equal(administrators, AccessOf("kpi", "POST", "/api/kpi/replay"));
        Assert.Equal(administrators, AccessOf("portal", "GET", "/indicators/rebuild"));
        Assert.Equal(administrators, AccessOf("portal", "GET", "/admin/audit"));
        Assert.Equal(administrators, AccessOf("portal", "GET", "/admin/audit.{format:regex(^(csv|xlsx)$)}"));
        foreach (var app in new[] { "surveys", "mediaevents", "kpi" })
        {
            Assert.Equal(administrators, AccessOf(app, "GET", "/api/audit"));
        }
        // The catalogue: Administrators edit it; the communications unit (and everyone else) only reads it.
        Assert.Equal(administrators, AccessOf("kpi", "PUT", "/api/kpi/indicators/{number}"));
        Assert.DoesNotContain(StaffRoles.Communications, endpoints.Single(e => e.App == "kpi" && e.Method == "PUT" && e.Route == "/api/kpi/indicators/{number}").AdmittedRoles);
    }

    [Fact]
    public async Task An_indicator_owner_enters_and_comments_values_only_for_the_indicators_of_their_own_units()
    {
        var key = platform.Bed.SigningKey;
        using var kpi = platform.Kpi.CreateClient();
        async Task<HttpStatusCode> Post(string path, object body, string[] units)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", Identities.Issue(key, [StaffRoles.IndicatorOwner], units));
            return (await kpi.SendAsync(request)).StatusCode;
        }

        // Indicator 1 (staff turnover) is PDPD's; indicator 12a (heat energy) is FVD's.
        Assert.Equal(HttpStatusCode.Forbidden, await Post("/api/kpi/indicators/1/measurements", new { year = 2026, value = 9.5m, source = "HOP" }, ["ITD"]));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("/api/kpi/indicators/1/commentary", new { year = 2026, comment = "Not ours" }, ["FVD"]));
        Assert.Equal(HttpStatusCode.Created, await Post("/api/kpi/indicators/12a/measurements", new { year = 2026, value = 120m, source = "Jedox" }, ["FVD"]));
        Assert.Equal(HttpStatusCode.Created, await Post("/api/kpi/indicators/12a/commentary", new { year = 2026, comment = "Heating season" }, ["FVD"]));
    }

    [Fact]
    public async Task Every_form_post_of_the_portal_needs_an_antiforgery_token()
    {
        // Its own Administrator's session: the sign-out post must not end the matrix's.
        var (email, password) = await platform.CreateUserAsync([StaffRoles.Administrator]);
        var browser = platform.Portal.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await platform.SignInAsync(browser, email, password)).StatusCode);
        var admin = new Identity("Administrator", new HashSet<string> { StaffRoles.Administrator }, true, null, browser);
        var calls = from e in await PortalEndpointsAsync()
                    where e.Method == "POST"
                    let who = e.Access == "public" ? platform.Identities.Portal[0] : admin
                    select new Call(who.Browser!, "POST", e.SampleUrl().TrimStart('/'), who,
                        () => new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x" }), Accept: "text/html", Label: e.Route);
        var answers = await SendAllAsync(calls, parallel: 4);

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.BadRequest, a.ToString()));
    }

    /// <summary>An empty body of the kind the endpoint accepts (a CSV import, a file upload, else JSON), so its content type is not what refuses it.</summary>
    private static Func<HttpContent> EmptyBody(AppEndpoint endpoint) =>
        endpoint.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() switch
        {
            "text/csv" => () => new StringContent("", System.Text.Encoding.UTF8, "text/csv"),
            "multipart/form-data" => () => new MultipartFormDataContent(),
            _ => Json("{}"),
        };

    private static IReadOnlySet<string> Admitted(string access) =>
        access.StartsWith("roles:", StringComparison.Ordinal) ? access["roles:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : new HashSet<string>();

    private Task<IReadOnlyList<AppEndpoint>> AllAsync() => platform.EndpointsAsync();

    private async Task<IEnumerable<AppEndpoint>> ServiceEndpointsAsync() => (await AllAsync()).Where(e => e.App != "portal");

    private async Task<IEnumerable<AppEndpoint>> PortalEndpointsAsync() => (await AllAsync()).Where(e => e.App == "portal");
}
