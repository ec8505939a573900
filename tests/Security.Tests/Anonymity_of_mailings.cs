using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// Invitations and reminders sent by e-mail carry each organisation's link, made at the moment of sending: after a
/// mailing, a reminder and an answer, the links that arrived in the SMTP server are nowhere else — not in a table
/// (the outbox and the mailing history included), a log line or a span. The history says only who was sent what, when.
/// </summary>
[Collection(OnTheSecuredPlatform.Name)]
public sealed partial class Anonymity_of_mailings(SecuredPlatform platform)
{
    [Fact]
    public async Task The_links_a_mailing_sends_are_kept_nowhere_but_in_the_messages_and_the_history_names_organisations_and_times_only()
    {
        using var manager = platform.AsStaff(platform.Surveys, StaffRoles.SurveyManager);
        using var api = platform.Surveys.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (surveyId, _) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2027, 4, tag);
        var organisations = (await manager.GetFromJsonAsync<JsonElement[]>("/api/organisations"))!
            .Where(o => o.GetProperty("email").GetString()!.EndsWith($".{tag}@example.lv", StringComparison.Ordinal))
            .Select(o => (Id: o.GetProperty("id").GetGuid(), Email: o.GetProperty("email").GetString()!)).ToList();

        var invitation = await StartAsync(manager, surveyId, "Invitation", organisations.Select(o => o.Id));
        await FinishedAsync(manager, surveyId, invitation);
        var firstTokens = await TokensAsync(organisations.Select(o => o.Email));
        await SurveyRespondents.AnswerLinkAsync(api, firstTokens[0], 5);
        // A week on, the reminder: new links for the three who have not answered.
        await using (var db = await platform.OpenAsync("surveysdb"))
        {
            await db.ExecuteAsync("UPDATE mailing_recipients SET sent_at = sent_at - interval '8 days' WHERE mailing_id = @invitation", new { invitation });
        }
        var reminder = await StartAsync(manager, surveyId, "Reminder", organisations.Skip(1).Select(o => o.Id));
        await FinishedAsync(manager, surveyId, reminder);
        var tokens = await TokensAsync(organisations.Select(o => o.Email));

        Assert.Equal(4 + 3, tokens.Count);
        var tables = await DatabaseSnapshot.EveryRowAsync(platform);
        var logs = platform.Logs.Snapshot();
        var spans = platform.Bed.Spans.Snapshot().Select(s => string.Join(" ", s.TagObjects.Select(t => $"{t.Key}={t.Value}").Prepend(s.DisplayName))).ToList();
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(tables, row => row.Json.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, line => line.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(spans, text => text.Contains(token, StringComparison.Ordinal));
        }
        // The history: organisation, state, address, when — no link, no hash, no answer.
        var history = tables.Where(r => r.Table is "surveysdb.mailing_recipients" or "surveysdb.mailings").ToList();
        Assert.Equal(2 + 4 + 3, history.Count(r => r.Json.Contains(invitation.ToString(), StringComparison.Ordinal) || r.Json.Contains(reminder.ToString(), StringComparison.Ordinal)));
        var hashes = tables.Where(r => r.Table == "surveysdb.invitations").SelectMany(r => Hex().Matches(r.Json).Select(m => m.Value)).ToList();
        Assert.DoesNotContain(history, r => hashes.Any(h => r.Json.Contains(h, StringComparison.Ordinal)));
        // The audit trail names the organisation each message went to, and the mailing; nothing of the link.
        var audit = tables.Where(r => r.Table == "surveysdb.audit_trail" && r.Json.Contains("-sent", StringComparison.Ordinal) && r.Json.Contains(surveyId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(4 + 3, audit.Count);
    }

    private static async Task<Guid> StartAsync(HttpClient manager, Guid surveyId, string kind, IEnumerable<Guid> organisations)
    {
        var response = await manager.PostAsJsonAsync($"/api/surveys/{surveyId}/mailings", new { kind, organisationIds = organisations.ToArray() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task FinishedAsync(HttpClient manager, Guid surveyId, Guid mailing) =>
        Eventually.ReturnsAsync(() => manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{surveyId}/mailings/{mailing}"),
            m => m.GetProperty("finishedAt").ValueKind != JsonValueKind.Null, TimeSpan.FromSeconds(60), because: "the mailing never finished");

    private async Task<IReadOnlyList<string>> TokensAsync(IEnumerable<string> addresses)
    {
        var tokens = new List<string>();
        foreach (var address in addresses)
        {
            tokens.AddRange((await platform.Mail.MessagesToAsync(address)).Select(m => Link().Match(m.TextBody ?? "").Groups["token"].Value));
        }
        Assert.DoesNotContain("", tokens);
        return tokens;
    }


    [GeneratedRegex(@"/answer/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex Link();

    [GeneratedRegex(@"[0-9a-f]{64}")]
    private static partial Regex Hex();
}
