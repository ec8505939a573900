using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Answering_through_an_invitation_link(SurveyPortal portal) : IClassFixture<SurveyPortal>
{
    private static readonly string[] FirstSection =
        ["timely-involvement", "involvement-budget", "involvement-law-drafting", "regular-communication", "feedback-on-input", "understands-municipalities"];

    private async Task<int> ResponsesAsync() => await portal.ScalarAsync<int>("SELECT count(*) FROM responses");

    private static async Task<string> ProblemTypeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!;

    [Fact]
    public async Task Opening_the_survey_gives_each_of_the_20_organisations_one_link_and_stores_only_its_hash()
    {
        Assert.Equal(20, portal.Links.Count);
        Assert.Equal(20, portal.Links.Select(l => l.OrganisationId).Distinct().Count());
        Assert.All(portal.Links, l => Assert.True(LinkTokens.LooksValid(l.Token) && l.Url.EndsWith(l.Token, StringComparison.Ordinal)));
        Assert.Equal(20, await portal.ScalarAsync<int>("SELECT count(*) FROM invitations WHERE survey_id = @id", new { id = portal.Survey.Id }));
        Assert.Equal(1, await portal.ScalarAsync<int>(
            "SELECT count(*) FROM invitations WHERE token_hash = sha256(convert_to(@token, 'UTF8'))", new { token = portal.Links[0].Token }));
    }

    [Fact]
    public async Task Saves_a_draft_that_the_same_link_resumes_then_accepts_one_submission_and_refuses_the_second_with_409()
    {
        var token = portal.Links[1].Token;
        var partial = new AnswerSheet(null, new Dictionary<string, Answer> { ["timely-involvement"] = new(Value: 2), ["comment"] = new(Text: "Vairāk iesaistes!") });

        Assert.Equal(HttpStatusCode.NoContent, (await portal.Public.PutAsJsonAsync($"/api/answer/{token}/draft", partial, SurveyPortal.JsonOptions)).StatusCode);
        var resumed = await portal.Public.GetFromJsonAsync<AnswerForm>($"/api/answer/{token}", SurveyPortal.JsonOptions);
        var first = await portal.SubmitAsync(token, SurveyPortal.ValidAnswers());
        var responsesAfterFirst = await ResponsesAsync();
        var second = await portal.SubmitAsync(token, SurveyPortal.ValidAnswers(overall: 1));

        Assert.Equal(2, resumed!.Draft!.Answers!["timely-involvement"].Value);
        Assert.Equal("Vairāk iesaistes!", resumed.Draft.Answers["comment"].Text);
        Assert.Equal(portal.Links[1].Category, resumed.RespondentCategory.Suggested);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(LinkProblems.TypeOf(LinkProblem.Used), await ProblemTypeAsync(second));
        Assert.Equal(responsesAfterFirst, await ResponsesAsync());
        Assert.Equal(0, await portal.ScalarAsync<int>("SELECT count(*) FROM response_drafts"));
        Assert.Equal(HttpStatusCode.Conflict, (await portal.Public.GetAsync($"/api/answer/{token}")).StatusCode);
        Assert.DoesNotContain(portal.Bed.Spans.Snapshot(), s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Two_submissions_at_the_same_moment_are_accepted_exactly_once()
    {
        var token = portal.Links[2].Token;
        var before = await ResponsesAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => portal.SubmitAsync(token, SurveyPortal.ValidAnswers())));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(before + 1, await ResponsesAsync());
    }

    [Fact]
    public async Task Refuses_bad_answers_naming_each_question_and_records_nothing()
    {
        var token = portal.Links[3].Token;
        var answers = SurveyPortal.ValidAnswers().Answers!.ToDictionary();
        answers.Remove("overall-satisfaction");
        answers["timely-involvement"] = new(Value: 7);
        answers["recommend"] = new(Value: 11);
        answers["clear-information"] = new(CannotSay: true);
        answers["overall-satisfaction-typo"] = new(Value: 3);
        var before = await ResponsesAsync();

        var response = await portal.SubmitAsync(token, new AnswerSheet(null, answers));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string>
        {
            "respondentCategory", "answers.overall-satisfaction", "answers.timely-involvement", "answers.recommend", "answers.overall-satisfaction-typo",
        }, errors);
        // The page recognises each problem by its code, never by the wording of the message.
        var codes = problem.GetProperty("codes").EnumerateObject().ToDictionary(p => p.Name, p => Assert.Single(p.Value.EnumerateArray()).GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["respondentCategory"] = "required", ["answers.overall-satisfaction"] = "required", ["answers.timely-involvement"] = "out-of-range",
            ["answers.recommend"] = "out-of-range", ["answers.overall-satisfaction-typo"] = "not-found",
        }, codes);
        Assert.Equal(before, await ResponsesAsync());
        Assert.False(await portal.ScalarAsync<bool>("SELECT used FROM invitations WHERE token_hash = sha256(convert_to(@token, 'UTF8'))", new { token }));
    }

    [Fact]
    public async Task Checks_one_step_of_the_form_as_the_submission_would_and_changes_nothing()
    {
        var token = portal.Links[12].Token;
        // Section 1 half answered, section 2 not at all, and a resident, which the partner survey does not offer.
        var sheet = new AnswerSheet(Contracts.RespondentCategory.Resident, new Dictionary<string, Answer>
        {
            ["timely-involvement"] = new(Value: 4), ["involvement-budget"] = new(Value: 3, CannotSay: true),
        });

        var aboutYou = await portal.Public.PostAsJsonAsync($"/api/answer/{token}/check?step=0", sheet, SurveyPortal.JsonOptions);
        var first = await portal.Public.PostAsJsonAsync($"/api/answer/{token}/check?step=1", sheet, SurveyPortal.JsonOptions);
        var complete = await portal.Public.PostAsJsonAsync($"/api/answer/{token}/check?step=0", sheet with { RespondentCategory = Contracts.RespondentCategory.Ngo }, SurveyPortal.JsonOptions);

        Assert.Equal(HttpStatusCode.BadRequest, aboutYou.StatusCode);
        Assert.Equal("not-offered", (await aboutYou.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("respondentCategory")[0].GetString());
        var codes = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes");
        Assert.Equal("rating-and-cannot-say", codes.GetProperty("answers.involvement-budget")[0].GetString());
        Assert.Equal("required", codes.GetProperty("answers.regular-communication")[0].GetString());
        // Only step 1's questions: none of section 2, not the category.
        Assert.All(codes.EnumerateObject(), p => Assert.Contains(p.Name["answers.".Length..], FirstSection));
        Assert.Equal(HttpStatusCode.NoContent, complete.StatusCode);
        Assert.Equal(0, await portal.ScalarAsync<int>("SELECT count(*) FROM response_drafts WHERE token_hash = sha256(convert_to(@token, 'UTF8'))", new { token }));
    }

    [Fact]
    public async Task An_unknown_link_is_refused_with_its_own_problem_type_and_records_nothing()
    {
        var unknown = LinkTokens.NewToken();
        var before = await ResponsesAsync();

        var get = await portal.Public.GetAsync($"/api/answer/{unknown}");
        var draft = await portal.Public.PutAsJsonAsync($"/api/answer/{unknown}/draft", SurveyPortal.ValidAnswers(), SurveyPortal.JsonOptions);
        var submit = await portal.SubmitAsync(unknown, SurveyPortal.ValidAnswers());
        var garbage = await portal.Public.GetAsync("/api/answer/not-a-token");

        Assert.All([get, draft, submit, garbage], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(LinkProblems.TypeOf(LinkProblem.Unknown), await ProblemTypeAsync(submit));
        Assert.Equal(before, await ResponsesAsync());
        Assert.Equal(0, await portal.ScalarAsync<int>("SELECT count(*) FROM response_drafts"));
    }

    [Fact]
    public async Task A_link_of_a_closed_survey_is_refused_politely_and_records_nothing()
    {
        var other = await portal.CreateFromTemplateAsync(2025);
        var links = await portal.OpenAsync(other.Id);
        Assert.Equal(HttpStatusCode.OK, (await portal.Manager.PostAsync($"/api/surveys/{other.Id}/close", null)).StatusCode);
        var before = await ResponsesAsync();

        var get = await portal.Public.GetAsync($"/api/answer/{links[0].Token}");
        var submit = await portal.SubmitAsync(links[0].Token, SurveyPortal.ValidAnswers());

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal(LinkProblems.TypeOf(LinkProblem.Closed), await ProblemTypeAsync(submit));
        Assert.Equal(before, await ResponsesAsync());
        Assert.Equal(0, await portal.ScalarAsync<int>("SELECT count(*) FROM invitations WHERE survey_id = @id AND used", new { id = other.Id }));
    }

    [Fact]
    public async Task Stores_the_response_without_personal_data_or_a_link_to_its_invitation()
    {
        var token = portal.Links[4].Token;
        var submitted = await portal.SubmitAsync(token, SurveyPortal.ValidAnswers(comment: "Paldies par sadarbību"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        var columns = (await portal.ScalarAsync<string>(
            "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'responses'")).Split(',');
        Assert.Equal(["answers", "id", "respondent_category", "submitted_on", "survey_id", "survey_version"], columns);
        Assert.Equal("date", await portal.ScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'responses' AND column_name = 'submitted_on'"));
        var invitationColumns = await portal.ScalarAsync<string>(
            "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'invitations'");
        Assert.DoesNotContain("used_at", invitationColumns);
        // Random (version 4) ids: a time-ordered id would date the response to the millisecond.
        Assert.Equal(0, await portal.ScalarAsync<int>("SELECT count(*) FROM responses WHERE substr(id::text, 15, 1) <> '4'"));
    }

    [Fact]
    public async Task Publishes_SurveyResponseSubmitted_with_the_counted_ratings_only_and_nothing_that_dates_it()
    {
        var token = portal.Links[5].Token;
        await using var tap = await BrokerTap.StartAsync(portal.Bed.MessagingUri, typeof(SurveyResponseSubmitted));
        Assert.Equal(HttpStatusCode.Created, (await portal.SubmitAsync(token, SurveyPortal.ValidAnswers(overall: 4, rating: 2, comment: "Slepens komentārs"))).StatusCode);

        var sent = await Eventually.ReturnsAsync(async () => (await tap.DrainAsync()).ToList(), m => m.Count > 0, because: "no message reached the broker");
        var envelope = Assert.Single(sent);
        var message = envelope.Message;
        Assert.Equal(portal.Survey.Id, Property(message, "surveyId").GetGuid());
        Assert.Equal(2026, Property(message, "year").GetInt32());
        var ratings = Property(message, "countedRatings").EnumerateArray().ToList();
        Assert.Equal("overall-satisfaction", Property(Assert.Single(ratings), "questionId").GetString());
        Assert.Equal(4, Property(ratings[0], "value").GetInt32());
        Assert.DoesNotContain("Slepens", envelope.RawBody);
        Assert.Equal(JsonValueKind.Null, Property(message, "respondentCategory").ValueKind);
        // Nothing on the wire dates it finer than the day: the sent time is midnight, the ids are random (version 4), no trace of the request.
        Assert.Equal(TimeSpan.Zero, Property(envelope.Envelope, "sentTime").GetDateTime().TimeOfDay);
        Assert.Equal(TimeSpan.Zero, Property(message, "submittedAt").GetDateTimeOffset().TimeOfDay);
        Assert.Equal('4', Property(envelope.Envelope, "messageId").GetString()![14]);
        Assert.Equal('4', Property(envelope.Envelope, "conversationId").GetString()![14]);
        // Once the broker has it, its outbox row is gone (a kept "dispatched at" would date it).
        await Eventually.ReturnsAsync(() => portal.ScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE anonymous"), n => n == 0);
        // (The survey's population, told when its links were issued, is no one's answer and stays as any message does.)
        Assert.Equal(0, await portal.ScalarAsync<int>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'surveyId' = @id AND message_type LIKE '%SurveyResponseSubmitted%'", new { id = portal.Survey.Id.ToString() }));
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
