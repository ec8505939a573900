using System.Net;
using System.Net.Http.Json;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;
using static StrategyPlatform.Security.Tests.Callers;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// Every endpoint of every service fed the hostile corpus (<see cref="HostileCorpus"/>), by nobody and by
/// an Administrator (whom no policy stops, so the handlers themselves are reached): every answer is a
/// 4xx ProblemDetails, never a 5xx or a dropped connection, and no table of any database changes.
/// The portal's pages and endpoints get the hostile addresses too: never a 5xx, nothing changed.
/// </summary>
[Collection(OnTheSecuredPlatform.Name)]
public sealed class Hostile_input(SecuredPlatform platform)
{
    [Fact]
    public async Task Every_service_endpoint_refuses_the_corpus_with_4xx_problem_details_and_no_database_changes()
    {
        var who = new[] { platform.Identities.Services[0], platform.Identities.Services.Single(i => i.Name == StaffRoles.Administrator) };
        var endpoints = (await platform.EndpointsAsync()).Where(e => e.App != "portal" && !IsProbeOrDocument(e)).ToList();
        var calls = (from e in endpoints
                     from c in HostileCorpus.For(e)
                     from identity in who
                     select new Call(platform.ClientOf(e.App), e.Method == "ANY" ? "GET" : e.Method, c.Url, identity, c.Body, Label: $"{e.App}: {c.What}")).ToList();
        var before = await DatabaseSnapshot.TakeAsync(platform);

        var answers = await SendAllAsync(calls);
        var after = await DatabaseSnapshot.TakeAsync(platform);

        var wrong = answers.Where(a => a.Failure is not null || (int)a.Status is < 400 or >= 500
                || a.ContentType != "application/problem+json" && !RefusedByTheServer(a))
            .Select(a => a.ToString()).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {answers.Count} answers were not a 4xx ProblemDetails:\n{string.Join("\n", wrong.Take(40))}\n{platform.Errors()}");
        Assert.Empty(DatabaseSnapshot.Differences(before, after));
    }

    [Fact]
    public async Task Every_portal_page_and_endpoint_survives_hostile_addresses_and_forms_without_a_5xx_or_a_change()
    {
        var admin = platform.Identities.Portal.Single(i => i.Name == StaffRoles.Administrator);
        var calls = (from e in await platform.EndpointsAsync()
                     where e.App == "portal" && e.Method is "GET" or "POST" && e.Route != "/account/signout"
                     // NUL in the path: the in-memory test server cannot even build such a request (Kestrel refuses it with 400, as for the services).
                     from c in HostileCorpus.For(e).Where(c => (c.What.StartsWith("route", StringComparison.Ordinal) || c.What.StartsWith("query", StringComparison.Ordinal))
                         && !c.Url.Split('?')[0].Contains("%00", StringComparison.Ordinal))
                     from identity in new[] { platform.Identities.Portal[0], admin }
                     select new Call(identity.Browser!, e.Method, c.Url.TrimStart('/'), identity,
                         e.Method == "POST" ? () => new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "signin", ["Input.Email"] = "' OR 1=1 --\u0000" }) : null,
                         Accept: "text/html", Label: c.What)).ToList();
        var before = await DatabaseSnapshot.TakeAsync(platform);

        var answers = await SendAllAsync(calls, parallel: 4);
        var after = await DatabaseSnapshot.TakeAsync(platform);

        var wrong = answers.Where(a => a.Failure is not null || (int)a.Status >= 500).Select(a => a.ToString()).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {answers.Count} answers failed:\n{string.Join("\n", wrong.Take(40))}\n{platform.Errors()}");
        Assert.Empty(DatabaseSnapshot.Differences(before, after));
    }

    [Fact]
    public async Task Ids_of_other_surveys_and_other_units_are_refused_and_change_nothing()
    {
        using var manager = platform.AsStaff(platform.Surveys, StaffRoles.SurveyManager);
        using var respondent = platform.Surveys.CreateClient();
        var (partnerSurvey, tokens) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2026, 1);
        var campaign = await SurveyRespondents.OpenCampaignSurveyAsync(manager, 2026);
        var campaignAnswers = new Dictionary<string, object> { ["useful"] = new { value = 5 } };
        // Opening the partner survey told the aggregator its population: the marker that its message is sent (its
        // outbox row marked), so the snapshots compare what the refused calls did, not the dispatcher's work.
        await Eventually.ReturnsAsync(async () =>
        {
            await using var surveysDb = await platform.OpenAsync("surveysdb");
            return await Dapper.SqlMapper.ExecuteScalarAsync<long>(surveysDb, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL");
        }, waiting => waiting == 0, TimeSpan.FromSeconds(30), because: "the survey's messages were not sent");
        // And applied: a message sent but still being consumed would write between the snapshots (seen once).
        await Eventually.ReturnsAsync(async () =>
        {
            await using var kpiDb = await platform.OpenAsync("kpidb");
            return await Dapper.SqlMapper.ExecuteScalarAsync<long>(kpiDb, "SELECT count(*) FROM survey_populations WHERE survey_id = @partnerSurvey", new { partnerSurvey });
        }, known => known == 1, TimeSpan.FromSeconds(30), because: "the aggregator never recorded the survey's population");
        var before = await DatabaseSnapshot.TakeAsync(platform);

        // A link's survey answered with another survey's questions, as a draft or for good.
        var draft = await respondent.PutAsJsonAsync($"/api/answer/{tokens[0]}/draft", new { respondentCategory = "Ngo", answers = campaignAnswers });
        var submit = await respondent.PostAsJsonAsync($"/api/answer/{tokens[0]}", new { respondentCategory = "Ngo", answers = campaignAnswers });
        // The survey of invitation links answered as if it had an open link, and a survey that does not exist.
        var open = await respondent.PostAsJsonAsync($"/api/open/{partnerSurvey}", new { respondentCategory = "Ngo", answers = campaignAnswers });
        var missing = await respondent.PostAsJsonAsync($"/api/open/{Guid.NewGuid()}", new { respondentCategory = "Resident", answers = campaignAnswers });
        // The open-link survey's form fetched through a link path, and results of a survey nobody made.
        var asLink = await respondent.GetAsync($"/api/answer/{campaign:N}{campaign:N}"[..56]);
        var results = await manager.GetAsync($"/api/surveys/{Guid.NewGuid()}/results");
        // An indicator owner of one unit writing for another unit's indicator.
        using var itd = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.IndicatorOwner], ["ITD"]);
        var otherUnit = await itd.PostAsJsonAsync("/api/kpi/indicators/1/measurements", new { year = 2026, value = 10.0m, source = "HOP" });

        var after = await DatabaseSnapshot.TakeAsync(platform);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden],
            new[] { draft, submit, open, missing, asLink, results, otherUnit }.Select(r => r.StatusCode));
        Assert.All(new[] { draft, submit, open, missing, asLink, results, otherUnit }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Empty(DatabaseSnapshot.Differences(before, after));
    }

    /// <summary>Kestrel refuses a request line with NUL in it (a bare 400) before any app code runs: there is no app to write ProblemDetails.</summary>
    private static bool RefusedByTheServer(Answer a) => a.Status == HttpStatusCode.BadRequest && a.Call.Url.Contains("%00", StringComparison.Ordinal);

    private static bool IsProbeOrDocument(AppEndpoint e) =>
        e.Route is "/health" or "/alive" || e.Route.StartsWith("/openapi", StringComparison.Ordinal) || e.Route.StartsWith("/scalar", StringComparison.Ordinal);
}
