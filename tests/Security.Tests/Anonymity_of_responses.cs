using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// Partners answer through their links (the portal's pages and the service's API) and the public through an
/// open link; then every table of every database, every message on the broker, every log line and every span
/// is read. Nothing holds a link token; nothing ties a response to its invitation or organisation; nothing
/// derived from a response is dated finer than the day; and the order of the invitations says nothing about
/// who answered when.
/// </summary>
[Collection(OnTheSecuredPlatform.Name)]
public sealed partial class Anonymity_of_responses(SecuredPlatform platform)
{
    [Fact]
    public async Task Nothing_stored_sent_logged_or_traced_ties_a_response_to_its_invitation_or_to_a_time_finer_than_the_day()
    {
        using var manager = platform.AsStaff(platform.Surveys, StaffRoles.SurveyManager);
        using var api = platform.Surveys.CreateClient();
        var (surveyId, tokens) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2027, 5);
        var campaign = await SurveyRespondents.OpenCampaignSurveyAsync(manager, 2027);
        var orderBefore = await InvitationOrderAsync(surveyId);
        await using var tap = await BrokerTap.StartAsync(platform.Bed.MessagingUri, typeof(SurveyResponseSubmitted));

        // Four of five partners answer, not in the order they were invited: two through the pages, two through the API.
        await RespondentBrowser.AnswerAsync(platform, tokens[3], 5);
        await SurveyRespondents.AnswerLinkAsync(api, tokens[0], 4);
        await RespondentBrowser.AnswerAsync(platform, tokens[2], 2);
        await SurveyRespondents.AnswerLinkAsync(api, tokens[4], 3, comment: "Labi sadarbojamies");
        await SurveyRespondents.AnswerOpenAsync(api, campaign, 5);
        using var reader = platform.AsStaff(platform.Kpi, StaffRoles.Leadership);
        await Eventually.ReturnsAsync(async () => (await reader.GetFromJsonAsync<JsonElement>($"/api/kpi/surveys/{surveyId}/response-count")).GetProperty("responses").GetInt32(),
            n => n == 4, TimeSpan.FromSeconds(60), because: "the aggregator never counted the four answers");
        await Eventually.ReturnsAsync(() => ScalarAsync<int>("surveysdb", "SELECT count(*) FROM outbox_messages WHERE anonymous"), n => n == 0,
            because: "the response messages were never sent");
        var messages = await Eventually.ReturnsAsync(async () => (await tap.DrainAsync()).ToList(), m => m.Count >= 5, because: "the messages never reached the broker");

        var responses = (await QueryAsync<Guid>("surveysdb", "SELECT id FROM responses WHERE survey_id = ANY(@ids)", new { ids = new[] { surveyId, campaign } })).ToList();
        Assert.Equal(5, responses.Count);
        var invitations = (await QueryAsync<(Guid Id, Guid Organisation, byte[] Hash)>("surveysdb",
            "SELECT id, organisation_id, token_hash FROM invitations WHERE survey_id = @surveyId", new { surveyId })).ToList();
        var tables = await DatabaseSnapshot.EveryRowAsync(platform);
        var logs = platform.Logs.Snapshot();
        var spans = platform.Bed.Spans.Snapshot();
        var spanTexts = spans.Select(SpanText).ToList();

        // No link token anywhere: not stored, sent, logged or traced.
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(tables, row => row.Json.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.RawBody.Contains(token, StringComparison.Ordinal) || m.Properties.Values.Any(v => v.Contains(token, StringComparison.Ordinal)));
            Assert.DoesNotContain(logs, line => line.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(spanTexts, text => text.Contains(token, StringComparison.Ordinal));
        }
        // A token's hash is kept by its invitation alone.
        foreach (var hash in invitations.Select(i => Convert.ToHexStringLower(i.Hash)))
        {
            Assert.Equal(["surveysdb.invitations"], tables.Where(r => r.Json.Contains(hash, StringComparison.Ordinal)).Select(r => r.Table).Distinct());
        }

        var responseIds = responses.Select(r => r.ToString()).ToList();
        var linked = invitations.SelectMany(i => new[] { i.Id.ToString(), i.Organisation.ToString() }).ToList();
        // A row about a response names its survey (and campaign), whose ids tell when the survey was made, not the response.
        var surveyIds = (await QueryAsync<Guid>("surveysdb", "SELECT id FROM surveys UNION SELECT campaign_id FROM surveys WHERE campaign_id IS NOT NULL"))
            .Select(g => g.ToString()).ToHashSet();
        var rowsWithAResponse = tables.Where(r => responseIds.Any(id => r.Json.Contains(id, StringComparison.Ordinal))).ToList();
        Assert.Equal(["kpidb.survey_response_facts", "surveysdb.responses"], rowsWithAResponse.Select(r => r.Table).Distinct().Order(StringComparer.Ordinal));
        foreach (var row in rowsWithAResponse)
        {
            // No row holds a response beside its invitation or organisation, a time of day, or a time-ordered (version 7) id.
            Assert.DoesNotContain(linked, id => row.Json.Contains(id, StringComparison.Ordinal));
            Assert.All(Times().Matches(row.Json), t => Assert.True(t.Groups["time"].Value == "00:00:00", $"{row.Table} dates a response: {row.Json}"));
            Assert.DoesNotContain(Uuids().Matches(row.Json), u => u.Groups["version"].Value == "7" && !surveyIds.Contains(u.Value));
        }
        // The transaction that wrote a response rewrote every invitation of its survey: an equal xmin singles out none of them.
        var invitationXmins = tables.Where(r => r.Table == "surveysdb.invitations" && invitations.Any(i => r.Json.Contains(i.Id.ToString(), StringComparison.Ordinal)))
            .Select(r => r.Xmin).ToList();
        foreach (var response in tables.Where(r => r.Table == "surveysdb.responses" && responseIds.Any(id => r.Json.Contains(id, StringComparison.Ordinal))))
        {
            var same = invitationXmins.Count(x => x == response.Xmin);
            Assert.True(same == 0 || same == invitations.Count, $"a response shares its transaction with {same} of {invitations.Count} invitations");
        }
        // The invitations lie in the order they were issued, whoever answered first.
        Assert.Equal(orderBefore, await InvitationOrderAsync(surveyId));

        // On the broker: no category, a sent time at midnight, random ids, and no trace of the answering requests.
        var answering = spans.Where(s => s.Kind == ActivityKind.Server && (s.GetTagItem("http.route") as string ?? "") is var route
            && (route.Contains("api/answer/", StringComparison.Ordinal) || route.Contains("api/open/", StringComparison.Ordinal))).Select(s => s.TraceId.ToHexString()).ToHashSet();
        Assert.NotEmpty(answering);
        foreach (var message in messages)
        {
            Assert.Equal(JsonValueKind.Null, message.Message.GetProperty("respondentCategory").ValueKind);
            Assert.Equal(TimeSpan.Zero, message.Envelope.GetProperty("sentTime").GetDateTime().TimeOfDay);
            Assert.Equal(TimeSpan.Zero, message.Message.GetProperty("submittedAt").GetDateTimeOffset().TimeOfDay);
            Assert.Equal('4', message.Envelope.GetProperty("messageId").GetString()![14]);
            Assert.Equal('4', message.Envelope.GetProperty("conversationId").GetString()![14]);
            Assert.DoesNotContain(answering, trace => message.RawBody.Contains(trace, StringComparison.Ordinal) || message.Properties.Values.Any(v => v.Contains(trace, StringComparison.Ordinal)));
        }
        // The aggregator kept no inbox row for them (it would date each one), and no consumer ran in an answering request's trace.
        var messageIds = messages.Select(m => m.Envelope.GetProperty("messageId").GetString()!).ToList();
        Assert.DoesNotContain(tables, r => r.Table == "kpidb.inbox_messages" && messageIds.Any(id => r.Json.Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain(spans, s => s.Kind is ActivityKind.Consumer or ActivityKind.Producer && answering.Contains(s.TraceId.ToHexString()));
        // A response's id is never logged or traced: with the line's or the span's time it would date the response.
        Assert.DoesNotContain(logs, line => responseIds.Any(id => line.Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain(spanTexts, text => responseIds.Any(id => text.Contains(id, StringComparison.Ordinal)));

        // The raw export: the day only, rows in no telling order.
        var csv = await manager.GetStringAsync($"/api/surveys/{surveyId}/export/responses.csv");
        Assert.DoesNotContain(csv.Split("\r\n").Skip(1), line => TimeOfDay().IsMatch(line));
    }


    /// <summary>The organisations of the survey's invitations in the order their rows lie in the table.</summary>
    private async Task<IReadOnlyList<Guid>> InvitationOrderAsync(Guid surveyId) =>
        [.. await QueryAsync<Guid>("surveysdb", "SELECT organisation_id FROM invitations WHERE survey_id = @surveyId ORDER BY ctid", new { surveyId })];

    private async Task<IEnumerable<T>> QueryAsync<T>(string database, string sql, object? parameters = null)
    {
        await using var connection = await platform.OpenAsync(database);
        return await connection.QueryAsync<T>(sql, parameters);
    }

    private async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = await platform.OpenAsync(database);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static string SpanText(Activity span) => string.Join(" ", new[] { span.DisplayName, span.TraceStateString ?? "" }
        .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
        .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))));

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ](?<time>\d{2}:\d{2}:\d{2})")]
    private static partial Regex Times();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-(?<version>[0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuids();

    [GeneratedRegex(@"\d{2}:\d{2}")]
    private static partial Regex TimeOfDay();
}
