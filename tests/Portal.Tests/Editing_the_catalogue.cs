using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Editing_the_catalogue(KpiPortalFixture portal) : IClassFixture<KpiPortalFixture>
{
    [Fact]
    public async Task An_administrator_changes_a_target_with_a_reason_and_the_new_version_shows_with_who_and_why()
    {
        await using var admin = await portal.OpenAsAdministratorAsync();
        var page = admin.Page;
        await page.GotoAsync("indicators/1");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator(".kpi-definition-history tbody tr")).ToHaveCountAsync(1);
        await page.Locator(".kpi-definition-edit summary").ClickAsync();

        // Without a reason nothing is saved, and the field says why.
        await page.FillAsync("#d-target-value", "10.5");
        await page.Locator("#save-definition").ClickAsync();
        await Assertions.Expect(page.Locator("#d-reason-error")).ToHaveTextAsync("Norādiet izmaiņas iemeslu (vismaz 3 rakstzīmes).");
        await Assertions.Expect(page.Locator(".kpi-definition-history tbody tr")).ToHaveCountAsync(1);

        await page.FillAsync("#d-reason", "Monitoring group tightened the turnover target");
        await page.Locator("#save-definition").ClickAsync();

        await Assertions.Expect(page.Locator("#definition-outcome")).ToHaveTextAsync("Saglabāta versija 2.");
        var newest = page.Locator(".kpi-definition-history tbody tr").First;
        await Assertions.Expect(newest).ToContainTextAsync("Monitoring group tightened the turnover target");
        await Assertions.Expect(newest).ToContainTextAsync(PortalFixture.AdminEmail);
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("10,5");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_administrator_records_an_activitys_progress_and_the_bar_moves()
    {
        await using var admin = await portal.OpenAsAdministratorAsync();
        var page = admin.Page;
        await page.GotoAsync("indicators");
        await page.WaitUntilInteractiveAsync();
        var activity = page.Locator("[data-activity=e-learning]");
        await activity.Locator(".kpi-progress-edit summary").ClickAsync();

        await page.FillAsync("#p-e-learning-participants", "-3");
        await activity.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#p-e-learning-participants-error")).ToHaveTextAsync("Dalībnieku skaitam jābūt no 0 līdz 100 000.");

        await page.FillAsync("#p-e-learning-participants", "288");
        await page.FillAsync("#p-e-learning-organisations", "50");
        await activity.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(activity.Locator(".kpi-form-outcome")).ToContainTextAsync("saglabāts");
        await Assertions.Expect(page.Locator("#e-learning-participants")).ToHaveAttributeAsync("value", "288");
        await Assertions.Expect(activity.Locator("label[for=e-learning-participants]")).ToContainTextAsync("90,0");
    }

    [Fact]
    public async Task Other_staff_see_the_versions_but_no_editor()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var leadership = await portal.OpenAsync();
        var page = leadership.Page;
        await page.SignInAsync(email, password);
        await page.GotoAsync("indicators/5a");
        await page.WaitUntilInteractiveAsync();

        await Assertions.Expect(page.Locator(".kpi-definition-history")).ToBeVisibleAsync();
        // The seeded first version is the strategy's, told in the page's language (the service keeps it in English).
        await Assertions.Expect(page.Locator(".kpi-definition-history tbody tr").First).ToContainTextAsync("Darbības stratēģija 2024–2027");
        await Assertions.Expect(page.Locator(".kpi-definition-history tbody tr").First).ToContainTextAsync("Sākotnējā versija no stratēģijas tabulas");
        await Assertions.Expect(page.Locator(".kpi-definition-history")).Not.ToContainTextAsync("Operational Strategy");
        Assert.Equal(0, await page.Locator(".kpi-definition-edit").CountAsync());
        await page.GotoAsync("indicators");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-activity=e-learning]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".kpi-progress-edit").CountAsync());
    }
}
