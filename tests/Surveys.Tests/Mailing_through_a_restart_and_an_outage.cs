using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Mailings;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

/// <summary>
/// A mailing goes on where it stopped when the service restarts in the middle of it, and waits out a relay that is
/// down: in the end every organisation has exactly one message, with a link that works.
/// </summary>
[Collection(SendingMail.Name)]
public sealed class Mailing_through_a_restart_and_an_outage(MailingPortal portal) : IClassFixture<MailingPortal>
{
    [Fact]
    public async Task A_restart_in_the_middle_of_a_mailing_neither_skips_nor_repeats_anyone()
    {
        var (survey, _, organisations, _) = await portal.OpenedSurveyAsync(2032, 60);
        var database = portal.Surveys.Services.GetRequiredService<IConfiguration>().GetConnectionString("surveysdb");
        // A slow relay's pace (10 a second), so that the restart falls in the middle.
        var slow = await portal.Bed.StartServiceAsync<SurveysService>("surveysdb", MailingPortal.Settings(portal.Mail, perMinute: 600), database: database);
        await portal.Bed.StopServiceAsync(portal.Surveys);
        using var manager = portal.Bed.CreateStaffClient(slow, [StaffRoles.SurveyManager]);
        var mailing = await Created(await manager.PostAsJsonAsync($"/api/surveys/{survey.Id}/mailings", new { kind = "Invitation", organisationIds = organisations.Select(o => o.Id) }));

        await Eventually.ReturnsAsync(() => portal.MailingAsync(survey.Id, mailing, manager), m => m.Sent >= 10, TimeSpan.FromSeconds(60), because: "nothing was sent");
        await portal.Bed.StopServiceAsync(slow);
        var atStop = await portal.ScalarAsync<int>("SELECT count(*) FROM mailing_recipients WHERE mailing_id = @mailing AND state = 'Sent'", new { mailing });
        var again = await portal.Bed.StartServiceAsync<SurveysService>("surveysdb", MailingPortal.Settings(portal.Mail, perMinute: 600), database: database);
        using var managerAgain = portal.Bed.CreateStaffClient(again, [StaffRoles.SurveyManager]);
        var done = await Eventually.ReturnsAsync(() => portal.MailingAsync(survey.Id, mailing, managerAgain), m => m.FinishedAt is not null, TimeSpan.FromSeconds(90),
            because: "the mailing did not go on after the restart");

        Assert.InRange(atStop, 10, 59); // stopped in the middle
        Assert.Equal((60, 60, 0), (done.Total, done.Sent, done.Failed));
        using var respondent = again.CreateClient();
        foreach (var o in organisations)
        {
            var message = Assert.Single(await portal.Mail.MessagesToAsync(o.Email));
            Assert.Equal(HttpStatusCode.OK, (await respondent.GetAsync($"/api/answer/{MailingPortal.TokenIn(message)}")).StatusCode);
        }
    }

    [Fact]
    public async Task Messages_are_tried_again_with_backoff_while_the_relay_is_down_and_sent_once_it_is_back()
    {
        var (survey, _, organisations, _) = await portal.OpenedSurveyAsync(2033, 3);
        var relay = portal.Mail;
        await relay.App.ResourceCommands.ExecuteCommandAsync(relay.ResourceName, KnownResourceCommands.StopCommand);
        await relay.App.ResourceNotifications.WaitForResourceAsync(relay.ResourceName, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text));
        MailingDetail waiting;
        Guid mailing;
        try
        {
            mailing = (await portal.StartedMailingAsync(survey.Id, MailingKind.Invitation, organisations.Select(o => o.Id))).Id;
            waiting = await Eventually.ReturnsAsync(() => portal.MailingAsync(survey.Id, mailing), m => m.Recipients.Count(r => r.Attempts >= 1) >= 2,
                TimeSpan.FromSeconds(60), because: "the sender never tried while the relay was down");
        }
        finally
        {
            await relay.App.ResourceCommands.ExecuteCommandAsync(relay.ResourceName, KnownResourceCommands.StartCommand);
            await relay.App.ResourceNotifications.WaitForResourceHealthyAsync(relay.ResourceName).WaitAsync(TimeSpan.FromMinutes(1));
        }
        var done = await portal.FinishedAsync(survey.Id, mailing);

        Assert.Equal(0, waiting.Sent);
        Assert.All(waiting.Recipients.Where(r => r.Attempts >= 1), r => Assert.Equal(("Pending", true), (r.State, r.Failure is { Length: > 0 })));
        Assert.Equal((3, 3, 0), (done.Total, done.Sent, done.Failed));
        foreach (var o in organisations)
        {
            Assert.Single(await portal.Mail.MessagesToAsync(o.Email));
        }
    }

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MailingDetail>(SurveyPortal.JsonOptions))!.Id;
    }
}
