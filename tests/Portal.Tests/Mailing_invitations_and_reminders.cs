using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StrategyPlatform.Portal.Tests.Look;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// Issue 15 in the browser, against the real Surveys service: a survey manager sends the invitations and a
/// reminder, watches the progress, sees a bounced address with its reason, corrects it and sends again.
/// </summary>
public sealed class Mailing_invitations_and_reminders(MailingPortalFixture portal) : IClassFixture<MailingPortalFixture>
{
    private static readonly float Timeout = 60_000;
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS");

    [Fact]
    public async Task A_manager_invites_sees_the_progress_and_a_bounce_then_corrects_the_address_and_sends_again()
    {
        var (surveyId, _) = await portal.OpenSurveyAsync(2050, 3);
        // The second organisation writes in English.
        using (var manager = portal.Manager())
        {
            var second = (await manager.GetFromJsonAsync<OrganisationOnly[]>("/api/organisations"))!.Single(o => o.Email == "org2@2050.example.lv");
            (await manager.PutAsJsonAsync($"/api/organisations/{second.Id}", new { second.Name, category = "Ngo", second.Email, language = "en" })).EnsureSuccessStatusCode();
        }
        var bounced = await AddOrganisationAsync("Atsitiena biedrība 2050", "atsitiens@b2050.invalid", "lv");
        var audience = await AudienceAsync(surveyId, "Invitation");
        Assert.Contains(audience.Recipients, r => r.OrganisationId == bounced);
        await using var probe = await SignInAsManagerAsync();
        var page = probe.Page;

        await OpenSurveyPageAsync(page, surveyId);
        await Assertions.Expect(page.Locator("#invite-audience")).ToContainTextAsync($"Ielūgumu saņemtu {audience.Count} organizācijas");
        await page.Locator("#invite-send").ClickAsync();
        await Assertions.Expect(page.Locator("#invite-question")).ToContainTextAsync($"Sūtīt ielūgumu {audience.Count} organizācijām?");
        // Two clicks, one mailing: the form's idempotency key and its own guard.
        await page.Locator("#invite-confirm").DblClickAsync();

        await Assertions.Expect(page.Locator("#mailing-state")).ToContainTextAsync("Izsūtne pabeigta", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#mailing-sent")).ToHaveTextAsync($"{audience.Count - 1}");
        await Assertions.Expect(page.Locator("#mailing-failed")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#mailing-remaining")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".mailing-history tbody tr")).ToHaveCountAsync(1);
        var failure = page.Locator($".mailing-failures tr[data-organisation='{bounced}']");
        await Assertions.Expect(failure.Locator(".mailing-reason")).ToContainTextAsync("550");

        // Delivered to the real SMTP server, each in its organisation's language, each link opening the survey.
        var delivered = await portal.Mail.MessagesToDomainAsync("2050.example.lv");
        Assert.Equal(3, delivered.Count);
        Assert.All(delivered.Values, messages => Assert.Single(messages));
        Assert.Contains("Dear Biedrība 2050-2,", delivered["org2@2050.example.lv"][0].TextBody);
        Assert.Contains("Labdien, Biedrība 2050-1!", delivered["org1@2050.example.lv"][0].TextBody);
        await AssertTheLinkOpensTheSurveyAsync(delivered["org1@2050.example.lv"][0]);
        await page.AssertNoAxeViolationsAsync();
        await LookInBothLanguagesAsync(probe, "survey-mailing-failed", () => page.Locator(".mailing-failures").WaitForAsync());

        // The address is corrected on the organisations page, which the failure links to, and the manager comes back.
        await failure.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/surveys/organisations?edit=*");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("#organisation-email")).ToHaveValueAsync("atsitiens@b2050.invalid");
        await LookInBothLanguagesAsync(probe, "organisations-edit", () => page.Locator("#organisation-email").WaitForAsync());
        await page.FillAsync("#organisation-email", "labota@biedriba2050.example.lv");
        await page.Locator("#save-organisation").ClickAsync();
        await Assertions.Expect(page.Locator("#organisation-saved")).ToContainTextAsync("saglabāta");
        await page.Locator("#back-to-mailing").ClickAsync();
        await page.WaitUntilInteractiveAsync();

        await page.Locator($".mailing-failures tr[data-organisation='{bounced}'] button.resend").ClickAsync();
        await Assertions.Expect(page.Locator("#mailing-failed")).ToHaveTextAsync("0", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#mailing-sent")).ToHaveTextAsync($"{audience.Count}");
        await Assertions.Expect(page.Locator("#mailing-state")).ToContainTextAsync("Izsūtne pabeigta", new() { Timeout = Timeout });
        var corrected = Assert.Single(await portal.Mail.MessagesToAsync("labota@biedriba2050.example.lv"));
        await AssertTheLinkOpensTheSurveyAsync(corrected);
    }

    private async Task AssertTheLinkOpensTheSurveyAsync(MimeKit.MimeMessage message)
    {
        var link = Regex.Match(message.TextBody ?? "", @"https://aptaujas\.example\.lv/(?<path>answer/[A-Za-z0-9_-]{43})");
        Assert.True(link.Success, $"No answering link in: {message.TextBody}");
        // The service writes the ministry's public address; the same path opens on the portal under test.
        await using var partner = await portal.OpenAsync();
        await partner.Page.GotoAsync(link.Groups["path"].Value);
        await partner.Page.Locator("button[name=go][value=next]").WaitForAsync();
    }

    [Fact]
    public async Task A_reminder_shows_before_sending_how_many_it_would_reach_and_a_refusal_is_said_in_the_pages_language()
    {
        var (surveyId, _) = await portal.OpenSurveyAsync(2051, 2);
        await using var probe = await SignInAsManagerAsync();
        var page = probe.Page;
        await OpenSurveyPageAsync(page, surveyId);

        var reminder = await AudienceAsync(surveyId, "Reminder", 7);
        await Assertions.Expect(page.Locator("#remind-audience")).ToContainTextAsync($"Atgādinājumu saņemtu {reminder.Count} organizācijas");
        // Out of range: said beside the field, in Latvian.
        await page.FillAsync("#remind-interval", "0");
        await page.Locator("#remind-interval").BlurAsync();
        await Assertions.Expect(page.Locator("#remind-interval-error")).ToContainTextAsync("no 1 līdz 90");

        // Someone else sends the invitations meanwhile: this form's count is stale, the service refuses, the page says why.
        var invitations = await AudienceAsync(surveyId, "Invitation");
        Assert.True(invitations.Count > 0);
        await page.Locator("#invite-send").ClickAsync();
        using (var manager = portal.Manager())
        {
            (await manager.PostAsJsonAsync($"/api/surveys/{surveyId}/mailings", new { kind = "Invitation", organisationIds = (Guid[]?)null })).EnsureSuccessStatusCode();
        }
        await page.Locator("#invite-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#mailing-refused")).ToContainTextAsync(new Regex("vēl tiek sūtīta|Nav neviena, kam sūtīt"));

        // Once everyone was just mailed, a reminder every 7 days reaches nobody, and a reminder every day too.
        await page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("#mailing-state")).ToContainTextAsync("Izsūtne pabeigta", new() { Timeout = Timeout });
        await page.FillAsync("#remind-interval", "1");
        await page.Locator("#remind-interval").BlurAsync();
        await Assertions.Expect(page.Locator("#remind-audience")).ToContainTextAsync("Atgādinājumu saņemtu 0 organizācijas");
        Assert.Equal(0, await page.Locator("#remind-send").CountAsync());
    }

    [Fact]
    public async Task A_template_without_the_link_is_refused_beside_the_field_and_the_preview_shows_the_saved_text()
    {
        var (surveyId, _) = await portal.OpenSurveyAsync(2052, 1);
        await using var probe = await SignInAsManagerAsync();
        var page = probe.Page;
        await OpenSurveyPageAsync(page, surveyId);
        await SwitchLanguageAsync(page);

        await page.Locator("#template-Invitation summary").ClickAsync();
        await page.FillAsync("#Invitation-body-en", "Dear {organisation}, please answer by {closesOn}.");
        await page.Locator("#save-template-Invitation").ClickAsync();
        await Assertions.Expect(page.Locator("#template-status-Invitation")).ToHaveTextAsync("The template has not been saved: please correct the fields marked.");
        await Assertions.Expect(page.Locator("#Invitation-body-en-error")).ToHaveTextAsync("The text must contain {link}: the system puts each organisation's link there.");
        await Assertions.Expect(page.Locator("#Invitation-body-lv-error")).ToBeEmptyAsync();

        await page.FillAsync("#Invitation-body-en", "Dear {organisation}, please answer at {link} by {closesOn}.");
        await page.Locator("#save-template-Invitation").ClickAsync();
        await Assertions.Expect(page.Locator("#template-status-Invitation")).ToHaveTextAsync("The template has been saved.");
        await page.Locator("#preview-Invitation-en").ClickAsync();
        await Assertions.Expect(page.Locator("#mail-preview .mail-preview-text")).ToContainTextAsync("please answer at");
        await Assertions.Expect(page.Locator("#mail-preview .mail-preview-text")).ToContainTextAsync("…");
        await page.AssertNoAxeViolationsAsync();
        await LookAsync(probe, "survey-mailing-template");

        await SwitchLanguageAsync(page);
        await page.Locator("#template-Invitation summary").ClickAsync();
        await page.Locator("#preview-Invitation-lv").ClickAsync();
        await Assertions.Expect(page.Locator("#mail-preview")).ToHaveAttributeAsync("lang", "lv");
        await page.AssertNoAxeViolationsAsync();
        await LookAsync(probe, "survey-mailing-template");
    }

    [Fact]
    public async Task An_organisation_is_added_with_its_language_and_corrected_on_the_organisations_page()
    {
        await using var probe = await SignInAsManagerAsync();
        var page = probe.Page;
        await page.GotoAsync("surveys/organisations");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("main .hint").First).ToContainTextAsync("valoda");

        await page.FillAsync("#organisation-name", "Foundation of the Language Test");
        await page.FillAsync("#organisation-email", "not an address");
        await page.SelectOptionAsync("#organisation-language", "en");
        await page.Locator("#save-organisation").ClickAsync();
        await Assertions.Expect(page.Locator("#organisation-email-error")).ToHaveTextAsync("E-pasta adrese nav derīga.");

        await page.FillAsync("#organisation-email", "info@language-test.example.org");
        await page.Locator("#save-organisation").ClickAsync();
        await Assertions.Expect(page.Locator("#organisation-saved")).ToContainTextAsync("pievienota");
        var row = page.Locator(".organisations-table tbody tr", new() { HasText = "Foundation of the Language Test" });
        await Assertions.Expect(row.Locator(".organisation-language")).ToHaveTextAsync("angliski");

        // Edited from its row, by keyboard: the form opens with its values and the focus on its heading.
        await row.Locator("button.edit-organisation").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#organisation-form-title")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#organisation-language")).ToHaveValueAsync("en");
        await page.SelectOptionAsync("#organisation-language", "lv");
        await page.Locator("#save-organisation").ClickAsync();
        await Assertions.Expect(row.Locator(".organisation-language")).ToHaveTextAsync("latviski");
        await page.AssertNoAxeViolationsAsync();
    }

    /// <summary>The page as it is now, then in the other language and back: fits 1280 and 360 px, styled; screenshots when asked for.</summary>
    private static async Task LookInBothLanguagesAsync(LookProbe probe, string name, Func<Task> shown)
    {
        await LookAsync(probe, name);
        await SwitchLanguageAsync(probe.Page);
        await shown();
        await probe.Page.AssertNoAxeViolationsAsync();
        await LookAsync(probe, name);
        await SwitchLanguageAsync(probe.Page);
        await shown();
    }

    private static async Task LookAsync(LookProbe probe, string name)
    {
        var page = probe.Page;
        var language = await page.LanguageAsync();
        foreach (var width in new[] { 1280, 360 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            var report = await probe.MeasureAsync();
            if (!string.IsNullOrEmpty(ScreenshotFolder))
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{language}-{width}.png"), FullPage = true });
            }
            // What sticks out (the outermost such elements), to say where the page scrolls sideways.
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                  .filter(e => !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
                  .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))
                """);
            var problems = report.Problems().Concat(probe.FailedRequests).Select(p => $"{name} ({language}, {width} px): {p}; {string.Join(", ", wide)}").ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        await page.SetViewportSizeAsync(1280, 800);
    }

    private static async Task SwitchLanguageAsync(IPage page)
    {
        var before = await page.LanguageAsync();
        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForFunctionAsync("l => document.documentElement.lang !== l", before);
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>A survey manager signed in, on a page that records failed requests and measures the look.</summary>
    private async Task<LookProbe> SignInAsManagerAsync()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.SurveyManager], name: "Ilze Izsūtītāja");
        var session = await portal.OpenAsync();
        await session.Page.CloseAsync();
        var probe = await LookProbe.OpenAsync(session.Context);
        await probe.Page.SignInAsync(email, password);
        return probe;
    }

    private static async Task OpenSurveyPageAsync(IPage page, Guid surveyId)
    {
        await page.GotoAsync($"surveys/{surveyId}");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#mailings-title").WaitForAsync();
    }

    private async Task<Guid> AddOrganisationAsync(string name, string email, string language)
    {
        using var manager = portal.Manager();
        var added = await manager.PostAsJsonAsync("/api/organisations", new { name, category = "Ngo", email, language });
        added.EnsureSuccessStatusCode();
        return (await added.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    private async Task<AudienceOnly> AudienceAsync(Guid surveyId, string kind, int? intervalDays = null)
    {
        using var manager = portal.Manager();
        return (await manager.GetFromJsonAsync<AudienceOnly>($"/api/surveys/{surveyId}/mailings/audience/{kind}" + (intervalDays is { } d ? $"?intervalDays={d}" : "")))!;
    }

    private sealed record IdOnly(Guid Id);

    private sealed record OrganisationOnly(Guid Id, string Name, string Email);

    private sealed record RecipientOnly(Guid OrganisationId);

    private sealed record AudienceOnly(int Count, IReadOnlyList<RecipientOnly> Recipients);
}
