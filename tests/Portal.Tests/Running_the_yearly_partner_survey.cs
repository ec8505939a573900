using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>Issue 4's "done when", as a new survey manager and a partner would do it, on the real portal and Surveys service.</summary>
public sealed partial class Running_the_yearly_partner_survey(SurveysPortalFixture portal) : IClassFixture<SurveysPortalFixture>
{
    [Fact]
    public async Task A_manager_creates_imports_and_opens_a_partner_answers_by_keyboard_resumes_and_cannot_answer_twice_and_results_show_the_share()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.SurveyManager]);
        await using var staff = await portal.OpenAsync();
        var page = staff.Page;
        await page.SignInAsync(email, password);

        // The yearly survey from the template.
        await page.GotoAsync("surveys");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#template-year", "2030");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(SurveyUrl());
        var surveyId = SurveyUrl().Match(page.Url).Groups[1].Value;

        // A file with bad lines is refused whole, with the lines named; then the 20 organisations go in.
        await page.GotoAsync("surveys/organisations");
        await page.WaitUntilInteractiveAsync();
        await page.ChooseFileAsync(Csv("nosaukums;kategorija;e-pasts\nBiedrība A;NVO;a@biedriba.lv\n;NVO;b@biedriba.lv\nBiedrība C;Zoo;c@biedriba.lv\n"));
        await page.Locator("#import-button").ClickAsync();
        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("Nekas netika importēts");
        Assert.Equal(["3", "4"], await page.Locator(".import-report tbody tr td:first-child").AllInnerTextsAsync());
        await Assertions.Expect(page.Locator(".organisations-table tbody tr")).ToHaveCountAsync(0);

        var partners = new StringBuilder("name;category;email\n");
        for (var i = 1; i <= 20; i++)
        {
            partners.Append($"Partneris {i};{(i % 2 == 0 ? "Municipality" : "Ngo")};partneris{i}@example.lv\n");
        }
        await page.ChooseFileAsync(Csv(partners.ToString()));
        await page.Locator("#import-button").ClickAsync();
        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("pievienotas 20");
        await Assertions.Expect(page.Locator(".organisations-table tbody tr")).ToHaveCountAsync(20);

        // Opening shows the 20 links once, to copy or download.
        await page.GotoAsync($"surveys/{surveyId}");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#open-survey").ClickAsync();
        await Assertions.Expect(page.Locator(".links-table tbody tr")).ToHaveCountAsync(20);
        Assert.StartsWith("data:text/csv", await page.Locator("#links-csv").GetAttributeAsync("href"));
        var links = await page.Locator(".link-url").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.All(links, l => Assert.Matches(@"/answer/[A-Za-z0-9_-]{43}$", l));
        var link = links[0];

        // The partner: category (preselected) and the first section, by keyboard; then the tab is closed.
        await using (var first = await portal.OpenAsync())
        {
            var answer = first.Page;
            await answer.GotoAsync(link);
            Assert.Equal("lv", await answer.LanguageAsync());
            Assert.True(await answer.Locator("#category-Ngo").IsCheckedAsync());
            await answer.PressStepButtonAsync("next", "**step=1");
            foreach (var id in SurveyAnswering.TemplateSections[0])
            {
                await answer.RateAsync(id, 4);
            }
            await answer.PressStepButtonAsync("next", "**step=2");
        }

        // The same link in a new browser resumes where the answers stopped, with the saved answers in place.
        await using var second = await portal.OpenAsync();
        var resumed = second.Page;
        await resumed.GotoAsync(link);
        await Assertions.Expect(resumed.Locator("#answer-progress")).ToContainTextAsync("3. solis no 5");
        await resumed.PressStepButtonAsync("back", "**step=1");
        Assert.True(await resumed.Locator("#q-timely-involvement-4").IsCheckedAsync());
        await resumed.PressStepButtonAsync("next", "**step=2");
        foreach (var id in SurveyAnswering.TemplateSections[1])
        {
            await resumed.RateAsync(id, 5);
        }
        await resumed.PressStepButtonAsync("next", "**step=3");
        foreach (var id in SurveyAnswering.TemplateSections[2])
        {
            await resumed.RateAsync(id, 3);
        }
        await resumed.PressStepButtonAsync("next", "**step=4");

        // A stale tab at the last step, to try a second submission later.
        await using var stale = await portal.OpenAsync();
        await stale.Page.GotoAsync(link + "?step=4");

        // Submitting without the required overall rating: the service's 400, by the question, in Latvian.
        await resumed.TabToAsync("button[name=go][value=submit]", maxStops: 60);
        await resumed.Keyboard.PressAsync("Enter");
        await Assertions.Expect(resumed.Locator("#q-overall-satisfaction-error")).ToHaveTextAsync("Lūdzu, atbildiet uz šo jautājumu.");
        await Assertions.Expect(resumed.Locator(".error-summary")).ToBeVisibleAsync();
        await resumed.RateAsync("overall-satisfaction", 5);
        await resumed.TabToAsync("#q-comment-text");
        await resumed.Keyboard.TypeAsync("Vairāk semināru reģionos");
        await resumed.PressStepButtonAsync("submit", "**/answer/thanks");
        Assert.Equal("Paldies!", (await resumed.Locator("h1").InnerTextAsync()).Trim());

        // The second submission is refused politely and records nothing.
        await stale.Page.RateAsync("overall-satisfaction", 1);
        await stale.Page.TabToAsync("button[name=go][value=submit]", maxStops: 60);
        await stale.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(stale.Page.Locator("h1")).ToHaveTextAsync("Atbildes jau ir iesniegtas");
        await resumed.GotoAsync(link);
        await Assertions.Expect(resumed.Locator("h1")).ToHaveTextAsync("Atbildes jau ir iesniegtas");

        // Results: one response, its top-2-box share with the interval, the small group hidden, the comment listed.
        await page.GotoAsync($"surveys/{surveyId}/results");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("#indicator-share")).ToContainTextAsync("100,0 %");
        await Assertions.Expect(page.Locator("#indicator-share")).ToContainTextAsync("95 % ticamības intervāls");
        await Assertions.Expect(page.Locator("#indicator-rule")).ToContainTextAsync("4–5");
        await Assertions.Expect(page.Locator("#indicator-rule")).ToContainTextAsync("Pozitīvas 1 no 1");
        await Assertions.Expect(page.Locator(".category-breakdown")).ToContainTextAsync("paslēpts: mazāk nekā 5 atbildes");
        await Assertions.Expect(page.Locator(".comments")).ToContainTextAsync("Vairāk semināru reģionos");

        // The summary workbook, downloaded as the manager would, opens with the same numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href$='export/summary.xlsx']").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var file = new MemoryStream();
        await (await download.CreateReadStreamAsync()).CopyToAsync(file);
        using (var workbook = SpreadsheetDocument.Open(file, false))
        {
            var indicator = SummaryRows(workbook).Single(r => r[0] == "indicator 16");
            Assert.Equal("1", indicator[4]);
            Assert.Equal(1.0, double.Parse(indicator[6]!, CultureInfo.InvariantCulture));
            Assert.InRange(double.Parse(indicator[7]!, CultureInfo.InvariantCulture), 0.0, 0.99);
        }

        // Who has answered (not what): 1 of 20, and 19 to remind.
        await page.GotoAsync($"surveys/{surveyId}");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("#response-rate")).ToContainTextAsync("Atbildējuši 1 no 20");
        await Assertions.Expect(page.Locator("#reminder-lv")).ToContainTextAsync("[saite]");
        // The e-mail section has loaded too (nothing sent yet): the page is settled before the next click.
        await Assertions.Expect(page.Locator("#mailing-history-empty")).ToBeVisibleAsync();

        // Next year's survey starts as a draft with the same questions.
        await page.Locator("#copy-survey").ClickAsync();
        await page.WaitForURLAsync(url => SurveyUrl().IsMatch(url) && !url.EndsWith(surveyId, StringComparison.Ordinal));
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2031");
    }

    [Fact]
    public async Task Copying_a_closed_survey_to_next_year_opens_the_new_draft_without_the_old_surveys_message()
    {
        // Opened without importing anyone: the other test here expects to start with no organisations.
        using var manager = portal.Manager();
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year = 2034 });
        var surveyId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.Today);
        (await manager.PostAsJsonAsync($"/api/surveys/{surveyId}/open", new { opensOn = today, closesOn = today.AddDays(30) })).EnsureSuccessStatusCode();
        var (email, password) = await portal.CreateUserAsync([StaffRoles.SurveyManager]);
        await using var staff = await portal.OpenAsync();
        var page = staff.Page;
        await page.SignInAsync(email, password);
        await page.GotoAsync($"surveys/{surveyId}");
        await page.WaitUntilInteractiveAsync();

        await page.Locator("#close-survey").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Aptauja slēgta." })).ToBeVisibleAsync();
        await page.Locator("#copy-survey").ClickAsync();
        await page.WaitForURLAsync(url => SurveyUrl().IsMatch(url) && !url.EndsWith(surveyId.ToString(), StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2035");
        await Assertions.Expect(page.Locator("#survey-state")).ToHaveTextAsync("Melnraksts");
        Assert.Equal(0, await page.GetByText("Aptauja slēgta.").CountAsync());
    }

    private static List<List<string?>> SummaryRows(SpreadsheetDocument workbook)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Summary");
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        return [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>()
            .Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text).ToList())];
    }

    private static FilePayload Csv(string text) => new() { Name = "partneri.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [GeneratedRegex(@"/surveys/([0-9a-f-]{36})$")]
    private static partial Regex SurveyUrl();
}
