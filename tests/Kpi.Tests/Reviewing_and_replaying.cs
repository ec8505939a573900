using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

public sealed class Reviewing_and_replaying(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    [Fact]
    public async Task A_replay_rebuilds_the_computed_values_equal_to_the_live_ones()
    {
        await platform.PublishAsync(new SurveyResponseSubmitted(Guid.NewGuid(), Guid.NewGuid(), SurveyKind.PartnerSatisfaction, 2025, null, null,
            [new("q1", 5), new("q2", 3)], DateTimeOffset.UtcNow));
        var withdrawn = Guid.NewGuid();
        await platform.PublishAsync(new MediaEventRecorded(withdrawn, 1, new(new DateOnly(2025, 5, 5), MediaEventType.Interview, true, true, [8], null), DateTimeOffset.UtcNow));
        await platform.PublishAsync(new MediaEventRecorded(Guid.NewGuid(), 1, new(new DateOnly(2025, 5, 6), MediaEventType.MediaBriefing, true, true, [8], null), DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2025), y => KpiPlatform.ValueOf(y) == 2m);
        await platform.PublishAsync(new MediaEventWithdrawn(withdrawn, 2, "duplicate", DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2025), y => KpiPlatform.ValueOf(y) == 1m);
        await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2025), y => KpiPlatform.ValueOf(y) == 50m);
        var live = await Task.WhenAll(new[] { "13", "14", "16" }.Select(n => platform.YearAsync(n, 2025)));

        using var admin = platform.Administrator();
        using var reader = platform.Reader();
        var forbidden = await reader.PostAsync("/api/kpi/replay?from=facts", null);
        var replay = await admin.PostAsync("/api/kpi/replay?from=facts", null);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var result = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("allEqual").GetBoolean(), result.ToString());
        var values = result.GetProperty("values").EnumerateArray().ToList();
        Assert.Contains(values, v => v.GetProperty("number").GetString() == "13" && v.GetProperty("year").GetInt32() == 2025 && v.GetProperty("rebuilt").GetDecimal() == 1m);
        Assert.Contains(values, v => v.GetProperty("number").GetString() == "16" && v.GetProperty("rebuiltN").GetInt32() == 2);
        var rebuilt = await Task.WhenAll(new[] { "13", "14", "16" }.Select(n => platform.YearAsync(n, 2025)));
        Assert.Equal(live.Select(y => y.ToString()), rebuilt.Select(y => y.ToString()));
    }

    [Fact]
    public async Task The_review_report_for_a_year_has_every_indicator_with_value_target_status_and_comment_as_json_and_xlsx()
    {
        using var pdpd = platform.Staff(StaffRoles.IndicatorOwner, "PDPD");
        await pdpd.PostAsJsonAsync("/api/kpi/indicators/17b/measurements", new { year = 2026, value = 64.0, comment = "Engagement survey 2026" });
        using var reader = platform.Reader();

        var report = await reader.GetFromJsonAsync<JsonElement>("/api/kpi/reviews/2026");
        var workbook = await reader.GetAsync("/api/kpi/reviews/2026.xlsx?lang=en");

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(21, rows.Count);
        var recommend = rows.Single(r => r.GetProperty("number").GetString() == "17b");
        Assert.Equal((64.0m, "Engagement survey 2026"), (recommend.GetProperty("value").GetDecimal(), recommend.GetProperty("comment").GetString()));
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(await workbook.Content.ReadAsStreamAsync(), false);
        var sheetRows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(22, sheetRows.Count);
        var numbers = sheetRows.Skip(1).Select(r => r.Elements<Cell>().First().InnerText).ToList();
        Assert.Equal(rows.Select(r => r.GetProperty("number").GetString()), numbers);
        var recommendRow = sheetRows.Single(r => r.Elements<Cell>().First().InnerText == "17b").Elements<Cell>().ToList();
        Assert.Equal("64", recommendRow[7].CellValue!.Text.TrimEnd('0').TrimEnd('.'));
        Assert.Contains(recommendRow, c => c.InnerText == "Engagement survey 2026");
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/api/kpi/reviews/2026.xlsx?lang=de")).StatusCode);
    }
}
