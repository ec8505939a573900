using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Mailings;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

/// <summary>
/// A survey manager sends a survey's invitations and reminders by e-mail through a real SMTP server (smtp4dev), and
/// the messages are read back from it: one per organisation, in its language, each with a link that works.
/// </summary>
[Collection(SendingMail.Name)]
public sealed class Sending_invitations_and_reminders_by_email(MailingPortal portal) : IClassFixture<MailingPortal>
{
    [Fact]
    public async Task The_invitations_of_a_300_organisation_survey_arrive_once_each_in_the_organisations_language_with_a_working_link()
    {
        var (survey, domain, organisations, openingLinks) = await portal.OpenedSurveyAsync(2027, 300);
        var audience = (await portal.Manager.GetFromJsonAsync<Audience>($"/api/surveys/{survey.Id}/mailings/audience/Invitation", SurveyPortal.JsonOptions))!;

        var started = await portal.StartedMailingAsync(survey.Id, MailingKind.Invitation);
        var done = await portal.FinishedAsync(survey.Id, started.Id);
        var inbox = await portal.Mail.MessagesToDomainAsync(domain);

        Assert.Equal(audience.Count, started.Total);
        Assert.Equal(300, organisations.Count);
        Assert.All(organisations, o => Assert.Contains(audience.Recipients, r => r.OrganisationId == o.Id));
        Assert.Equal((done.Total, 0, 0, 0), (done.Sent, done.Failed, done.Skipped, done.Pending));
        Assert.Equal(300, inbox.Count);
        foreach (var o in organisations)
        {
            var message = Assert.Single(inbox[o.Email]);
            var english = o.Language == "en";
            Assert.Equal(english ? $"Survey \"{survey.Title.En}\"" : $"Aptauja \"{survey.Title.Lv}\"", message.Subject);
            Assert.Equal(o.Language, message.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
            Assert.Contains(english ? $"Dear {o.Name}," : $"Labdien, {o.Name}!", message.TextBody, StringComparison.Ordinal);
            Assert.Contains(english ? "Ministry of Welfare" : "Labklājības ministrija", message.TextBody, StringComparison.Ordinal);
            Assert.Equal($"{started.Id:N}.{o.Id:N}@lm.gov.lv", message.MessageId);
        }
        Assert.Equal(100, organisations.Count(o => o.Language == "en"));
        // Every link works, and the ones shown when the survey was opened no longer do.
        var tokens = organisations.Select(o => MailingPortal.TokenIn(inbox[o.Email][0])).ToList();
        Assert.Equal(300, tokens.Distinct().Count());
        foreach (var token in tokens.Take(30))
        {
            Assert.Equal(HttpStatusCode.OK, (await portal.Public.GetAsync($"/api/answer/{token}")).StatusCode);
        }
        var replaced = openingLinks.Where(l => organisations.Any(o => o.Id == l.OrganisationId)).Take(5).ToList();
        Assert.All(await Task.WhenAll(replaced.Select(l => portal.Public.GetAsync($"/api/answer/{l.Token}"))), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        // The database keeps hashes, never a token.
        Assert.Equal(300, await portal.ScalarAsync<int>("SELECT count(*) FROM invitations WHERE survey_id = @id AND token_hash = ANY(@hashes)",
            new { id = survey.Id, hashes = tokens.Select(LinkTokens.Hash).ToArray() }));
        // Sending them all again is not what "send invitations" does: they have been sent.
        var again = await portal.StartMailingAsync(survey.Id, MailingKind.Invitation);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_reminder_goes_to_those_who_have_not_answered_with_a_new_link_that_keeps_their_draft_and_not_twice_within_the_interval()
    {
        var (survey, _, organisations, _) = await portal.OpenedSurveyAsync(2028, 6);
        var invited = await portal.StartedMailingAsync(survey.Id, MailingKind.Invitation, organisations.Select(o => o.Id));
        await portal.FinishedAsync(survey.Id, invited.Id);
        var invitationTokens = new Dictionary<Guid, string>();
        foreach (var o in organisations)
        {
            invitationTokens[o.Id] = MailingPortal.TokenIn((await portal.Mail.MessagesToAsync(o.Email)).Single());
        }
        // Two answer; a third saves a draft.
        Assert.Equal(HttpStatusCode.Created, (await portal.SubmitAsync(invitationTokens[organisations[0].Id], SurveyPortal.ValidAnswers())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await portal.SubmitAsync(invitationTokens[organisations[1].Id], SurveyPortal.ValidAnswers(overall: 3))).StatusCode);
        var draft = new AnswerSheet(null, new Dictionary<string, Answer> { ["comment"] = new(Text: "Vēl jāpadomā") });
        Assert.Equal(HttpStatusCode.NoContent, (await portal.Public.PutAsJsonAsync($"/api/answer/{invitationTokens[organisations[2].Id]}/draft", draft, SurveyPortal.JsonOptions)).StatusCode);

        var audience = (await portal.Manager.GetFromJsonAsync<Audience>($"/api/surveys/{survey.Id}/mailings/audience/Reminder?intervalDays=7", SurveyPortal.JsonOptions))!;
        var ours = organisations.Skip(2).Select(o => o.Id).ToList();
        Assert.Equal(0, audience.Recipients.Count(r => organisations.Take(2).Any(o => o.Id == r.OrganisationId)));
        // Everyone of ours was mailed just now, so a 7-day interval leaves them out; a reminder with a 1-day interval would too.
        Assert.True(audience.MailedWithinInterval >= 4, $"{audience.MailedWithinInterval}");
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.StartMailingAsync(survey.Id, MailingKind.Reminder, ours)).StatusCode);
        // A week later (the interval is counted from the last message sent), the four who have not answered are due.
        await portal.ScalarAsync<int>("UPDATE mailing_recipients SET sent_at = sent_at - interval '8 days' WHERE mailing_id = @id", new { id = invited.Id });
        audience = (await portal.Manager.GetFromJsonAsync<Audience>($"/api/surveys/{survey.Id}/mailings/audience/Reminder?intervalDays=7", SurveyPortal.JsonOptions))!;
        Assert.Equal(ours.Order(), audience.Recipients.Where(r => organisations.Any(o => o.Id == r.OrganisationId)).Select(r => r.OrganisationId).Order());

        var reminded = await portal.StartedMailingAsync(survey.Id, MailingKind.Reminder, ours, intervalDays: 7);
        var done = await portal.FinishedAsync(survey.Id, reminded.Id);

        Assert.Equal((4, 4), (done.Total, done.Sent));
        foreach (var o in organisations)
        {
            var messages = await portal.Mail.MessagesToAsync(o.Email);
            Assert.Equal(ours.Contains(o.Id) ? 2 : 1, messages.Count);
            if (!ours.Contains(o.Id))
            {
                continue;
            }
            var reminder = messages[1];
            Assert.StartsWith(o.Language == "en" ? "Reminder: survey" : "Atgādinājums: aptauja", reminder.Subject, StringComparison.Ordinal);
            var token = MailingPortal.TokenIn(reminder);
            Assert.Equal(HttpStatusCode.OK, (await portal.Public.GetAsync($"/api/answer/{token}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await portal.Public.GetAsync($"/api/answer/{invitationTokens[o.Id]}")).StatusCode);
            if (o.Id == organisations[2].Id)
            {
                var form = await portal.Public.GetFromJsonAsync<AnswerForm>($"/api/answer/{token}", SurveyPortal.JsonOptions);
                Assert.Equal("Vēl jāpadomā", form!.Draft!.Answers!["comment"].Text);
            }
        }
        // The same reminder again at once: they were mailed within the interval.
        var again = await portal.StartMailingAsync(survey.Id, MailingKind.Reminder, ours, intervalDays: 7);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("mailed-recently", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bounced_address_is_listed_with_the_relays_reason_and_delivered_once_corrected_and_sent_again()
    {
        var bounced = $"birojs@{Guid.NewGuid():N}.invalid";
        var (survey, domain, organisations, _) = await portal.OpenedSurveyAsync(2029, 2, bounced);
        var wrong = organisations.Single(o => o.Email == bounced);

        var mailing = await portal.StartedMailingAsync(survey.Id, MailingKind.Invitation, organisations.Select(o => o.Id));
        var done = await portal.FinishedAsync(survey.Id, mailing.Id);

        Assert.Equal((3, 2, 1), (done.Total, done.Sent, done.Failed));
        var failed = Assert.Single(done.Recipients, r => r.State == "Failed");
        Assert.Equal((wrong.Id, bounced), (failed.OrganisationId, failed.Address));
        Assert.StartsWith("550", failed.Failure, StringComparison.Ordinal);
        Assert.Equal(done.Recipients[0], failed); // the ones that need the manager come first
        Assert.Empty(await portal.Mail.MessagesToAsync(bounced));
        // Sending again before the address is corrected fails the same way; so the manager corrects it first.
        var corrected = $"birojs@{domain}";
        var update = await portal.Manager.PutAsJsonAsync($"/api/organisations/{wrong.Id}", new { name = wrong.Name, category = "Municipality", email = corrected, language = "en" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var resend = await portal.Manager.PostAsync($"/api/surveys/{survey.Id}/mailings/{mailing.Id}/recipients/{wrong.Id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        done = await portal.FinishedAsync(survey.Id, mailing.Id);

        Assert.Equal((3, 3, 0), (done.Total, done.Sent, done.Failed));
        var message = Assert.Single(await portal.Mail.MessagesToAsync(corrected));
        Assert.StartsWith("Survey", message.Subject, StringComparison.Ordinal); // in the language set with the correction
        Assert.Equal(HttpStatusCode.OK, (await portal.Public.GetAsync($"/api/answer/{MailingPortal.TokenIn(message)}")).StatusCode);
        // A sent message is not sent again by "resend".
        Assert.Equal(HttpStatusCode.Conflict, (await portal.Manager.PostAsync($"/api/surveys/{survey.Id}/mailings/{mailing.Id}/recipients/{wrong.Id}/resend", null)).StatusCode);
    }

    [Fact]
    public async Task A_template_without_the_link_is_refused_naming_the_field_and_a_saved_one_is_what_the_preview_and_the_messages_say()
    {
        var (survey, _, organisations, _) = await portal.OpenedSurveyAsync(2030, 1);
        var organisation = organisations.Single();
        var template = $"/api/surveys/{survey.Id}/mailings/template/Invitation";
        var standard = (await portal.Manager.GetFromJsonAsync<MailTemplate>(template, SurveyPortal.JsonOptions))!;

        var refused = await portal.Manager.PutAsJsonAsync(template, new { subject = standard.Subject, body = new { lv = standard.Body.Lv, en = "Please answer." }, signature = standard.Signature });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("link-placeholder-missing", problem.GetProperty("codes").GetProperty("body.en")[0].GetString());
        Assert.False((await portal.Manager.GetFromJsonAsync<MailTemplate>(template, SurveyPortal.JsonOptions))!.Saved);

        var saved = await portal.Manager.PutAsJsonAsync(template, new
        {
            subject = new { lv = "Jūsu viedoklis, {organisation}", en = "Your view, {organisation}" },
            body = new { lv = "Lūdzu, atbildiet līdz {closesOn}: {link}", en = "Please answer by {closesOn}: {link}" },
            signature = new { lv = "Komunikācijas nodaļa", en = "Communications unit" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var preview = (await portal.Manager.GetFromJsonAsync<MailingsPreview>($"/api/surveys/{survey.Id}/mailings/preview/Invitation?organisationId={organisation.Id}", SurveyPortal.JsonOptions))!;
        Assert.Equal($"Jūsu viedoklis, {organisation.Name}", preview.Subject);
        Assert.Equal("Lūdzu, atbildiet līdz 31.12.2099: https://aptaujas.example.lv/answer/…\n\nKomunikācijas nodaļa\n", preview.Text);

        var mailing = await portal.StartedMailingAsync(survey.Id, MailingKind.Invitation, [organisation.Id]);
        await portal.FinishedAsync(survey.Id, mailing.Id);
        var message = Assert.Single(await portal.Mail.MessagesToAsync(organisation.Email));
        Assert.Equal($"Jūsu viedoklis, {organisation.Name}", message.Subject);
        Assert.Equal($"Lūdzu, atbildiet līdz 31.12.2099: https://aptaujas.example.lv/answer/{MailingPortal.TokenIn(message)}\n\nKomunikācijas nodaļa",
            message.TextBody!.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task The_same_request_twice_with_one_idempotency_key_starts_one_mailing()
    {
        var (survey, _, organisations, _) = await portal.OpenedSurveyAsync(2031, 2);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(portal.StartMailingAsync(survey.Id, MailingKind.Invitation, organisations.Select(o => o.Id), key: key),
            portal.StartMailingAsync(survey.Id, MailingKind.Invitation, organisations.Select(o => o.Id), key: key));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<MailingDetail>(SurveyPortal.JsonOptions))!.Id));
        var mailings = (await portal.Manager.GetFromJsonAsync<MailingSummary[]>($"/api/surveys/{survey.Id}/mailings", SurveyPortal.JsonOptions))!;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], Assert.Single(mailings).Id);
        await portal.FinishedAsync(survey.Id, ids[0]);
        foreach (var o in organisations)
        {
            Assert.Single(await portal.Mail.MessagesToAsync(o.Email));
        }
    }

    private sealed record MailingsPreview(string Language, string? To, string? OrganisationName, string Subject, string Text);
}
