using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Portal.Tests.Look;

/// <summary>A page of the tour: a name for its screenshots, its address, and who may open it (none = anyone, signed out).</summary>
/// <param name="Live">An interactive page: it is ready once its live connection is up and nothing says "Loading…".</param>
/// <param name="Act">What a person does there first, to show a state of the page (a form sent with mistakes).</param>
public sealed record TourStop(string Name, string Path, IReadOnlyList<string> Roles, bool Live = true, Func<IPage, Task>? Act = null)
{
    public bool IsPublic => Roles.Count == 0;
}

/// <summary>Every page of the portal on the showcase data, and which role sees which.</summary>
public static class PortalTour
{
    private static readonly string[] Anyone = [];
    private static readonly string[] AllStaff = [.. StaffRoles.All];
    private static readonly string[] SurveyReaders = [StaffRoles.Administrator, StaffRoles.Leadership, StaffRoles.SurveyManager];
    private static readonly string[] SurveyManagers = [StaffRoles.Administrator, StaffRoles.SurveyManager];
    private static readonly string[] MediaReaders = [StaffRoles.Administrator, StaffRoles.Leadership, StaffRoles.Communications];
    private static readonly string[] MediaEditors = [StaffRoles.Administrator, StaffRoles.Communications];
    private static readonly string[] Administrators = [StaffRoles.Administrator];

    public static IReadOnlyList<TourStop> Stops(ShowcasePortalFixture data) =>
    [
        new("home", "", Anyone, Live: false),
        new("sign-in", "account/signin", Anyone, Live: false),
        new("sign-in-failed", "account/signin", Anyone, Live: false, Act: async page =>
        {
            await page.FillAsync("#email", "nobody@lm.gov.lv");
            await page.FillAsync("#password", "not-the-password");
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.Locator("main [role=alert]").WaitForAsync();
        }),
        new("not-found", "no-such-page", Anyone, Live: false),
        new("error", "status/500", Anyone, Live: false),
        // Each step by its number: the tour's own form posts save the link's draft, which moves where a bare link resumes.
        new("answer-step-0", data.PendingLink + "?step=0", Anyone, Live: false),
        new("answer-step-1", data.PendingLink + "?step=1", Anyone, Live: false),
        new("answer-step-4", data.PendingLink + "?step=4", Anyone, Live: false),
        new("answer-step-errors", data.PendingLink + "?step=1", Anyone, Live: false, Act: async page =>
        {
            // "Save and continue" on a step left unanswered: it stays, with the summary and the messages by the questions.
            await page.Locator("button[name=go][value=next]").ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
        }),
        new("answer-errors", data.PendingLink + "?step=4", Anyone, Live: false, Act: async page =>
        {
            await page.Locator("button[name=go][value=submit]").ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
        }),
        new("answer-thanks", "answer/thanks", Anyone, Live: false),
        new("answer-used-link", data.UsedLink, Anyone, Live: false),
        new("answer-unknown-link", "answer/" + new string('A', 43), Anyone, Live: false),
        new("open-survey", $"survey/{data.CampaignSurveyId}", Anyone, Live: false),

        new("start", "staff", AllStaff),
        new("indicators", "indicators", AllStaff),
        new("indicator-16", "indicators/16", AllStaff),
        new("indicator-15", "indicators/15", AllStaff),
        new("indicator-14", "indicators/14", AllStaff),
        new("indicator-13", "indicators/13", AllStaff),
        new("indicator-13-last-year", $"indicators/13?year={ShowcasePortalFixture.ThisYear - 1}", AllStaff),
        new("indicator-1", "indicators/1", AllStaff),
        new("review", $"indicators/review/{ShowcasePortalFixture.ThisYear - 1}", AllStaff),
        new("review-this-year", $"indicators/review/{ShowcasePortalFixture.ThisYear}", AllStaff),
        new("review-locked", $"indicators/review/{ShowcasePortalFixture.LockedYear}", AllStaff),
        new("rebuild", "indicators/rebuild", Administrators),
        new("surveys", "surveys", SurveyReaders),
        new("organisations", "surveys/organisations", SurveyManagers),
        new("survey-draft", $"surveys/{data.DraftSurveyId}", SurveyManagers),
        new("survey-open", $"surveys/{data.OpenSurveyId}", SurveyReaders),
        new("survey-results", $"surveys/{data.OpenSurveyId}/results", SurveyReaders),
        new("media-events", "media-events", MediaReaders),
        new("media-events-counted-13", "media-events?countsFor=13", MediaReaders),
        new("media-event", $"media-events/{data.MediaEventId}", MediaReaders),
        new("media-event-not-counted", $"media-events/{data.PressReleaseId}", MediaReaders),
        new("media-event-withdrawn", $"media-events/{data.WithdrawnEventId}", MediaReaders),
        new("media-event-edit", $"media-events/{data.MediaEventId}/edit", MediaEditors),
        new("media-event-new", "media-events/new", MediaEditors),
        new("media-import", "media-events/import", MediaEditors),
        new("media-overview", "media-events/overview", MediaReaders),
        new("media-calendar", "media-events/calendar", MediaReaders),
        new("campaigns", "media-events/campaigns", MediaReaders),
        new("users", "admin/users", Administrators),
        new("audit", "admin/audit", Administrators),
        new("password", "account/password", AllStaff, Live: false),
        new("denied", "account/denied", Administrators, Live: false),
    ];

    /// <summary>
    /// The stops a role's tour visits (<c>null</c>: a visitor who is not signed in). Visitors and the
    /// Administrator see every page in both languages; the other roles see theirs in Latvian and their own
    /// start page in English too: every page and language, and every role's pages, without the whole cross product.
    /// </summary>
    public static IEnumerable<TourStop> For(ShowcasePortalFixture data, string? role, string language) =>
        Stops(data).Where(s => role is null ? s.IsPublic : s.Roles.Contains(role))
            .Where(s => role is null or StaffRoles.Administrator || language == "lv" || s.Name == "start");
}
