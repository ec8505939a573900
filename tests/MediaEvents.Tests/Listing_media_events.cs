using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Files;

namespace StrategyPlatform.MediaEvents.Tests;

/// <summary>Four events of April–May 2022, logged once for the class.</summary>
public sealed class LoggedEvents : IAsyncLifetime
{
    public MediaEventsHost Host { get; } = new();
    public List<MediaEventDto> Events { get; } = [];

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        MediaEventInput Event(string startsAt, MediaEventType type, string title, string summary, int[] goals, string? spokesperson, CoverageTone tone, long reach) =>
            MediaEventsHost.Event(DateTimeOffset.Parse(startsAt), type, title, summary, goals: goals, spokesperson: spokesperson, tone: tone) with { EstimatedReach = reach };
        foreach (var input in new[]
        {
            Event("2022-04-01T10:00:00+03:00", MediaEventType.Interview, "Pay transparency directive explained", "Minister on LSM", [8], "Jana Ministre", CoverageTone.Positive, 1000),
            Event("2022-04-05T10:00:00+03:00", MediaEventType.PressRelease, "Budget for social protection", "", [9], null, CoverageTone.Neutral, 5000),
            Event("2022-04-10T10:00:00+03:00", MediaEventType.OpinionArticle, "Equal opportunities", "An e-learning course for 320 employees; Ģimenēm ar bērniem", [1, 8], "Pēteris Eksperts", CoverageTone.Positive, 300),
            Event("2022-05-02T10:00:00+03:00", MediaEventType.TvOrRadioAppearance, "Accessibility in Vidzeme municipalities", "", [9], null, CoverageTone.Negative, 12000),
        })
        {
            Events.Add(await Host.CreateAsync(input));
        }
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

public sealed class Listing_media_events(LoggedEvents logged) : IClassFixture<LoggedEvents>
{
    private MediaEventsHost Host => logged.Host;

    private async Task<IReadOnlyList<string>> TitlesAsync(string query) =>
        [.. (await Host.GetAsync<MediaEventPage>($"/api/media-events?{query}")).Items.Select(e => e.Title)];

    [Fact]
    public async Task Filters_by_period_type_goal_spokesperson_and_tone()
    {
        Assert.Equal(3, (await TitlesAsync("from=2022-04-01&to=2022-04-30")).Count);
        Assert.Equal(["Pay transparency directive explained"], await TitlesAsync("type=Interview"));
        Assert.Equal(["Budget for social protection", "Pay transparency directive explained"], await TitlesAsync("type=Interview&type=PressRelease"));
        Assert.Equal(["Equal opportunities", "Pay transparency directive explained"], await TitlesAsync("goal=8"));
        Assert.Equal(["Equal opportunities"], await TitlesAsync("spokesperson=eksp"));
        Assert.Equal(["Accessibility in Vidzeme municipalities"], await TitlesAsync("tone=Negative"));
        var unknownTone = await Host.Editor.GetAsync("/api/media-events?tone=Loud");
        Assert.Equal(HttpStatusCode.BadRequest, unknownTone.StatusCode);
        var problem = await MediaEventsHost.ProblemAsync(unknownTone);
        Assert.Contains("Tone", problem.ToString());
        // A value that cannot be read at all still names its field with a code, as every other 400 does.
        Assert.Equal("unreadable", problem.GetProperty("codes").GetProperty("Tone")[0].GetString());
    }

    [Fact]
    public async Task Searches_title_and_summary_by_word_prefixes()
    {
        Assert.Equal(["Pay transparency directive explained"], await TitlesAsync("q=transp"));
        Assert.Equal(["Equal opportunities"], await TitlesAsync("q=learning%20employ"));
        Assert.Equal(["Pay transparency directive explained"], await TitlesAsync("q=minister%20LSM"));
        Assert.Equal(["Equal opportunities"], await TitlesAsync("q=ģimen"));
        Assert.Empty(await TitlesAsync("q=nothing-like-this"));
    }

    [Fact]
    public async Task Pages_and_sorts_on_the_server()
    {
        var first = await Host.GetAsync<MediaEventPage>("/api/media-events?sort=reach&desc=true&take=2");
        var second = await Host.GetAsync<MediaEventPage>("/api/media-events?sort=reach&desc=true&take=2&skip=2");
        var tooMany = await Host.Editor.GetAsync("/api/media-events?take=500");

        Assert.Equal(4, first.Total);
        Assert.Equal([12000L, 5000L], first.Items.Select(e => e.EstimatedReach!.Value));
        Assert.Equal([1000L, 300L], second.Items.Select(e => e.EstimatedReach!.Value));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(tooMany)).GetProperty("errors").TryGetProperty("take", out _));
    }

    [Fact]
    public async Task Gives_the_events_of_a_month_for_the_calendar()
    {
        var april = await Host.GetAsync<List<MediaEventDto>>("/api/media-events/calendar/2022/4");

        Assert.Equal(logged.Events.Take(3).Select(e => e.Id), april.Select(e => e.Id));
    }

    [Fact]
    public async Task Exports_the_filtered_list_as_an_xlsx_workbook_Excel_can_read()
    {
        var response = await Host.Editor.GetAsync("/api/media-events/export.xlsx?goal=8&sort=date&desc=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = SpreadsheetDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToList()).ToList();
        var header = rows[0].Select(c => c.InnerText).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Pay transparency directive explained", "Equal opportunities"], rows.Skip(1).Select(r => r[header.IndexOf("title")].InnerText));
        var reach = rows[1][header.IndexOf("estimatedReach")];
        Assert.Equal(CellValues.Number, reach.DataType?.Value);
        Assert.Equal("1000", reach.CellValue?.Text);
    }

    [Fact]
    public async Task Exports_the_filtered_list_as_csv_with_the_import_columns()
    {
        var response = await Host.Editor.GetAsync("/api/media-events/export.csv?tone=Positive&sort=date&desc=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (header, rows) = await Csv.ReadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Contains("startsAt", header);
        Assert.Equal(["Pay transparency directive explained", "Equal opportunities"], rows.Select(r => r["title"]));
        Assert.Equal("2022-04-01 10:00", rows[0]["startsAt"]);
        Assert.Equal("1 | 8", rows[1]["goals"]);
    }
}
