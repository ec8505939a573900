using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Results;
using StrategyPlatform.Surveys.Surveys;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Reading_survey_results(KnownResults portal) : IClassFixture<KnownResults>
{
    private async Task<SurveyResults> ResultsAsync(HttpClient? client = null) =>
        (await (client ?? portal.Manager).GetFromJsonAsync<SurveyResults>($"/api/surveys/{portal.Survey.Id}/results", SurveyPortal.JsonOptions))!;

    [Fact]
    public async Task The_indicator_is_the_top_2_box_share_with_a_wilson_interval_corrected_for_the_20_invited()
    {
        var results = await ResultsAsync();

        Assert.Equal(16, results.Responses);
        Assert.Equal(20, results.Invited);
        Assert.Equal(0.8, results.ResponseRate!.Value, 10);
        Assert.Equal("16", results.Indicator.Indicator);
        Assert.Equal(16, results.Indicator.ValidAnswers);
        Assert.Equal(12, results.Indicator.PositiveAnswers);
        Assert.Equal(0.75, results.Indicator.Share!.Value, 10);
        Assert.Equal(0.64223, results.Indicator.Interval!.Lower, 4);
        Assert.Equal(0.83371, results.Indicator.Interval.Upper, 4);
    }

    [Fact]
    public async Task Each_question_has_its_distribution_n_share_mean_and_nps_with_cannot_say_left_out()
    {
        var results = await ResultsAsync();

        var timely = results.Questions.Single(q => q.QuestionId == "timely-involvement");
        Assert.Equal(12, timely.N);
        Assert.Equal(4, timely.CannotSay);
        Assert.Equal(10.0 / 12, timely.TopTwoBoxShare!.Value, 10);
        Assert.Equal(44.0 / 12, timely.Mean!.Value, 10);
        Assert.Equal([0, 2, 0, 10, 0], timely.Distribution.Select(b => b.Count));
        var overall = results.Questions.Single(q => q.QuestionId == "overall-satisfaction");
        Assert.Equal(63.0 / 16, overall.Mean!.Value, 10);
        var recommend = results.Questions.Single(q => q.QuestionId == "recommend");
        Assert.Equal(7, recommend.N);
        Assert.Equal(100.0 / 7, recommend.Nps!.Value, 6);
    }

    [Fact]
    public async Task Hides_small_categories_and_the_category_that_would_reveal_them_by_subtraction_saying_why()
    {
        var results = await ResultsAsync();

        var byCategory = results.ByCategory.ToDictionary(c => c.Category);
        Assert.False(byCategory[RespondentCategory.Ngo].Hidden);
        Assert.Equal(7, byCategory[RespondentCategory.Ngo].Responses);
        Assert.Equal(1.0, byCategory[RespondentCategory.Ngo].IndicatorShare);
        Assert.True(byCategory[RespondentCategory.SubordinateInstitution].Hidden);
        Assert.Equal(SuppressionReason.FewerThanThreshold, byCategory[RespondentCategory.SubordinateInstitution].HiddenBecause);
        // 6 municipalities would be shown by the rule of 5, but 16 − 7 − 6 would reveal the 3 subordinate institutions.
        Assert.True(byCategory[RespondentCategory.Municipality].Hidden);
        Assert.Equal(SuppressionReason.Derivable, byCategory[RespondentCategory.Municipality].HiddenBecause);
        Assert.Null(byCategory[RespondentCategory.Municipality].Responses);
        Assert.Null(byCategory[RespondentCategory.Municipality].IndicatorShare);
    }

    [Fact]
    public async Task Lists_only_the_categories_the_survey_offers_and_says_a_category_had_no_responses()
    {
        var results = await ResultsAsync();

        // Invitations go to organisations: a resident cannot answer the partner survey, so the category is not listed.
        Assert.DoesNotContain(results.ByCategory, c => c.Category == RespondentCategory.Resident);
        var state = results.ByCategory.Single(c => c.Category == RespondentCategory.StateInstitution);
        Assert.Equal((false, 0, null), (state.Hidden, state.Responses, state.IndicatorShare));
        Assert.Null(state.HiddenBecause);
    }

    [Fact]
    public async Task Lists_comments_by_question_and_filters_them()
    {
        var all = await portal.Manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{portal.Survey.Id}/comments");
        var filtered = await portal.Manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{portal.Survey.Id}/comments?questionId=comment&contains=REĢION");

        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal("Vairāk semināru reģionos", Assert.Single(filtered.EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Exports_a_summary_workbook_that_reads_back_with_the_right_numbers()
    {
        var response = await portal.Manager.GetAsync($"/api/surveys/{portal.Survey.Id}/export/summary.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

        var summary = Rows(workbook, "Summary");
        var indicator = summary.Single(r => r[0] == "indicator 16");
        Assert.Equal(16, int.Parse(indicator[4]!));
        Assert.Equal(0.75, double.Parse(indicator[6]!, System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal(0.64223, double.Parse(indicator[7]!, System.Globalization.CultureInfo.InvariantCulture), 4);
        var timely = summary.Single(r => r[0] == "timely-involvement");
        Assert.Equal(12, int.Parse(timely[4]!));
        Assert.Equal(4, int.Parse(timely[5]!));
    }

    [Fact]
    public async Task Exports_every_response_as_xlsx_and_csv()
    {
        var xlsx = await portal.Manager.GetByteArrayAsync($"/api/surveys/{portal.Survey.Id}/export/responses.xlsx");
        var csv = Encoding.UTF8.GetString(await portal.Manager.GetByteArrayAsync($"/api/surveys/{portal.Survey.Id}/export/responses.csv"));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);

        var rows = Rows(workbook, "Responses");
        Assert.Equal(1 + KnownResults.Answered + 1, rows.Count);
        var responses = rows.Skip(1).Take(KnownResults.Answered).ToList();
        var overall = rows[0].IndexOf("overall-satisfaction");
        Assert.Equal(12, responses.Count(r => int.Parse(r[overall]!) >= 4));
        Assert.Equal(4, responses.Count(r => r[rows[0].IndexOf("timely-involvement")] == "cannot say"));
        Assert.Equal(1 + KnownResults.Answered + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // The results page hides the 3 subordinate institutions, and the 6 municipalities with them (3 would
        // be derivable as the total less the rest): the download blanks both, as the page does, and says so.
        var category = rows[0].IndexOf("Respondent category");
        Assert.Equal(7, responses.Count(r => r[category] == "Ngo"));
        Assert.Equal(9, responses.Count(r => string.IsNullOrEmpty(r[category])));
        Assert.DoesNotContain(responses, r => r[category] is "Municipality" or "SubordinateInstitution");
        Assert.Equal(["Note", null, StrategyPlatform.Surveys.Results.Exports.HiddenCategoryNote], rows[^1].Take(3));
        Assert.DoesNotContain("SubordinateInstitution", csv);
        Assert.DoesNotContain("Municipality", csv);
        Assert.Contains(StrategyPlatform.Surveys.Results.Exports.HiddenCategoryNote, csv);
    }

    [Fact]
    public async Task Leadership_may_read_results_and_other_staff_may_not()
    {
        using var leadership = portal.Bed.CreateStaffClient(portal.Surveys, [StaffRoles.Leadership]);
        using var communications = portal.Bed.CreateStaffClient(portal.Surveys, [StaffRoles.Communications]);

        Assert.Equal(16, (await ResultsAsync(leadership)).Responses);
        Assert.Equal(HttpStatusCode.Forbidden, (await communications.GetAsync($"/api/surveys/{portal.Survey.Id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leadership.PostAsync($"/api/surveys/{portal.Survey.Id}/close", null)).StatusCode);
    }

    [Fact]
    public async Task Shows_response_rates_and_who_has_not_answered_with_a_reminder_to_copy()
    {
        var status = await portal.Manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{portal.Survey.Id}/invitations/status");
        var reminder = await portal.Manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{portal.Survey.Id}/invitations/reminder");

        Assert.Equal(20, status.GetProperty("invited").GetInt32());
        Assert.Equal(16, status.GetProperty("answered").GetInt32());
        Assert.Equal(4, status.GetProperty("notAnswered").GetArrayLength());
        Assert.Equal(20, status.GetProperty("byCategory").EnumerateArray().Sum(c => c.GetProperty("invited").GetInt32()));
        Assert.Contains("[saite]", reminder.GetProperty("lv").GetString());
        Assert.Contains("[link]", reminder.GetProperty("en").GetString());
    }

    [Fact]
    public async Task An_open_survey_is_frozen_and_copies_to_next_year_with_the_same_questions()
    {
        var edit = await portal.Manager.PutAsJsonAsync($"/api/surveys/{portal.Survey.Id}", new
        {
            kind = "PartnerSatisfaction", year = 2026, title = portal.Survey.Title, introduction = portal.Survey.Introduction, definition = portal.Survey.Definition,
        }, SurveyPortal.JsonOptions);
        var copy = await portal.Manager.PostAsync($"/api/surveys/{portal.Survey.Id}/copy-to-next-year", null);
        var versions = await portal.Manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{portal.Survey.Id}/versions");

        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(1, versions.GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var next = (await copy.Content.ReadFromJsonAsync<SurveyDto>(SurveyPortal.JsonOptions))!;
        Assert.Equal(2027, next.Year);
        Assert.Equal(Model.SurveyState.Draft, next.State);
        Assert.Contains("2027", next.Title.Lv);
        Assert.Equal(portal.Survey.Fingerprints, next.Fingerprints);
        Assert.Equal(HttpStatusCode.Conflict, (await portal.Manager.PostAsync($"/api/surveys/{portal.Survey.Id}/copy-to-next-year", null)).StatusCode);
    }

    /// <summary>A sheet's cells as text, numbers in invariant form.</summary>
    private static List<List<string?>> Rows(SpreadsheetDocument workbook, string sheetName)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        return [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>()
            .Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text).ToList())];
    }
}
