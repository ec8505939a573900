using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Security.Tests;

/// <summary>An invitation link is the only key a partner has: unguessable, kept only as a hash, spent once, dead with its survey.</summary>
[Collection(OnTheSecuredPlatform.Name)]
public sealed class Link_tokens(SecuredPlatform platform)
{
    [Fact]
    public async Task Carry_256_random_bits_each_and_only_their_sha256_is_stored()
    {
        using var manager = platform.AsStaff(platform.Surveys, StaffRoles.SurveyManager);
        var (surveyId, tokens) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2028, 30);

        Assert.Equal(30, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(32, Base64Url.DecodeFromChars(t).Length));
        await using var db = await platform.OpenAsync("surveysdb");
        var stored = (await db.QueryAsync<byte[]>("SELECT token_hash FROM invitations WHERE survey_id = @surveyId", new { surveyId })).ToList();
        // (Opening the survey also invited the organisations other tests added: their tokens went to those tests.)
        Assert.Subset(stored.Select(Convert.ToHexString).ToHashSet(), tokens.Select(t => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(t)))).ToHashSet());
        var everything = string.Join("\n", await db.QueryAsync<string>("""
            SELECT row_to_json(t)::text FROM invitations t UNION ALL SELECT row_to_json(t)::text FROM response_drafts t
            UNION ALL SELECT row_to_json(t)::text FROM outbox_messages t UNION ALL SELECT row_to_json(t)::text FROM audit_trail t
            """));
        Assert.DoesNotContain(tokens, t => everything.Contains(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Are_spent_once_when_the_same_answers_are_submitted_many_times_at_once()
    {
        using var manager = platform.AsStaff(platform.Surveys, StaffRoles.SurveyManager);
        var (surveyId, tokens) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2028, 2);
        using var respondent = platform.Surveys.CreateClient();
        var sheet = await SurveyRespondents.SheetAsync(respondent, tokens[0], 4);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => respondent.PostAsJsonAsync($"/api/answer/{tokens[0]}", sheet)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(11, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        await using var db = await platform.OpenAsync("surveysdb");
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM responses WHERE survey_id = @surveyId", new { surveyId }));
    }

    [Fact]
    public async Task Do_not_open_before_their_survey_and_expire_and_close_with_it()
    {
        using var manager = platform.AsStaff(platform.Surveys, StaffRoles.SurveyManager);
        var (surveyId, tokens) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2028, 1);
        using var respondent = platform.Surveys.CreateClient();
        var sheet = await SurveyRespondents.SheetAsync(respondent, tokens[0], 4);
        await using var db = await platform.OpenAsync("surveysdb");
        async Task<(HttpStatusCode Get, HttpStatusCode Post, string Type)> TryAsync()
        {
            var get = await respondent.GetAsync($"/api/answer/{tokens[0]}");
            var post = await respondent.PostAsJsonAsync($"/api/answer/{tokens[0]}", sheet);
            return (get.StatusCode, post.StatusCode, (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!);
        }

        await db.ExecuteAsync("UPDATE surveys SET opens_on = (now() AT TIME ZONE 'Europe/Riga')::date + 1, closes_on = (now() AT TIME ZONE 'Europe/Riga')::date + 30 WHERE id = @surveyId", new { surveyId });
        var early = await TryAsync();
        await db.ExecuteAsync("UPDATE surveys SET opens_on = (now() AT TIME ZONE 'Europe/Riga')::date - 30, closes_on = (now() AT TIME ZONE 'Europe/Riga')::date - 1 WHERE id = @surveyId", new { surveyId });
        var late = await TryAsync();
        await db.ExecuteAsync("UPDATE surveys SET closes_on = (now() AT TIME ZONE 'Europe/Riga')::date + 30 WHERE id = @surveyId", new { surveyId });
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/surveys/{surveyId}/close", null)).StatusCode);
        var closed = await TryAsync();

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (early.Get, early.Post));
        Assert.EndsWith("survey-link-not-yet-open", early.Type);
        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.Gone), (late.Get, late.Post));
        Assert.EndsWith("survey-link-expired", late.Type);
        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.Gone), (closed.Get, closed.Post));
        Assert.EndsWith("survey-link-closed", closed.Type);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM responses WHERE survey_id = @surveyId", new { surveyId }));
    }
}
