using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Campaigns;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.MediaEvents.Files;

namespace StrategyPlatform.MediaEvents.Tests;

public sealed class Importing_media_events_from_csv(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    private const string Header = "startsAt,endsAt,type,title,summary,goals,campaign,spokespersonName,spokespersonLevel,outlets,estimatedReach,tone,coverageLinks,language,communicatesAchievement";

    [Fact]
    public async Task A_file_with_two_bad_rows_reports_both_lines_and_imports_nothing()
    {
        var before = await host.CountRowsAsync();
        var csv = string.Join("\n",
            Header,
            "2024-03-14 10:00,2024-03-14 11:00,Interview,Good row,,8,,,,LSM,1000,Positive,https://lsm.lv/a,lv,no",
            "2024-03-15 10:00,2024-03-15 09:00,Interview,Ends before it starts,,8,,,,,,,,lv,no",
            "2024-03-16 10:00,,PressRelease,Another good row,,9,,,,,,,,lv,no",
            "2024-03-17 10:00,,Gossip,Bad type and link,,8,,,,,-3,,not-a-link,lv,no");

        var response = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Cells(await MediaEventsHost.ProblemAsync(response));
        Assert.Equal([3, 5], errors.Select(e => e.Line).Distinct().Order());
        Assert.Contains(errors, e => e is { Line: 3, Field: "endsAt", Code: "ends-before-starts" });
        Assert.Contains(errors, e => e is { Line: 5, Field: "type", Code: "not-offered" });
        Assert.Contains(errors, e => e is { Line: 5, Field: "estimatedReach", Code: "out-of-range" });
        Assert.Contains(errors, e => e is { Line: 5, Field: "coverageLinks[0]", Code: "invalid-web-address" });
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_good_file_imports_every_row_in_Latvian_time_and_publishes_each()
    {
        var campaign = await host.Editor.PostAsJsonAsync("/api/media-events/campaigns",
            new CampaignInput("Cieņas kods", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), [9], ["Municipalities"]), MediaEventsHost.Json);
        Assert.Equal(HttpStatusCode.Created, campaign.StatusCode);
        var campaignId = (await campaign.Content.ReadFromJsonAsync<CampaignDto>(MediaEventsHost.Json))!.Id;
        // Semicolons, as Excel saves with Latvian regional settings, and Latvian dates.
        var csv = string.Join("\n",
            Header.Replace(',', ';'),
            "14.03.2023 10:00;;Interview;Ministre par algu caurskatāmību;Par direktīvu;8 | 9;cieņas kods;Jana Ministre;Minister;LSM | Delfi;12 000;Positive;https://lsm.lv/a | https://delfi.lv/b;lv;jā",
            "2023-07-01;;AchievementNews;Sasniegums: 50 apmācīti;;9;;;;;;;;;",
            "2023-10-30T09:00:00Z;2023-10-30T15:00:00Z;PressConference;Konference Rīgā;;8;;;;;;Neutral;;en;no");

        var response = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<ImportReport>(MediaEventsHost.Json))!.Imported);
        var page = await host.GetAsync<MediaEventPage>("/api/media-events?from=2023-01-01&to=2023-12-31&sort=date&desc=false");
        Assert.Equal(["Ministre par algu caurskatāmību", "Sasniegums: 50 apmācīti", "Konference Rīgā"], page.Items.Select(e => e.Title));
        var interview = page.Items[0];
        Assert.Equal(DateTimeOffset.Parse("2023-03-14T08:00:00Z"), interview.StartsAt);
        Assert.Equal(campaignId, interview.CampaignId);
        Assert.Equal([8, 9], interview.Goals);
        Assert.Equal(12_000, interview.EstimatedReach);
        Assert.Equal(["https://lsm.lv/a", "https://delfi.lv/b"], interview.CoverageLinks);
        Assert.True(interview.CommunicatesAchievement);
        Assert.Equal(new DateOnly(2023, 7, 1), page.Items[1].Date);
        await using var db = await host.OpenDatabaseAsync();
        var published = await db.QueryAsync<string>("SELECT partition_key FROM outbox_messages WHERE message_type LIKE @type",
            new { type = typeof(MediaEventRecorded).FullName + ",%" });
        Assert.Equal(page.Items.Select(e => e.Id.ToString()).Order(), published.Order());
    }

    [Fact]
    public async Task Importing_the_same_file_twice_is_refused_so_no_event_counts_twice()
    {
        var csv = string.Join("\n", Header, "2022-09-01 10:00,,Interview,Once only,,8,,,,,,,,lv,no");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(csv)).StatusCode);
        var before = await host.CountRowsAsync();

        var again = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var error = Assert.Single(Cells(await MediaEventsHost.ProblemAsync(again)));
        Assert.Equal((2, "title", "duplicate"), (error.Line, error.Field, error.Code));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_naming_them()
    {
        var response = await ImportAsync("title,summary\nA title,A summary");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await MediaEventsHost.ProblemAsync(response);
        Assert.Contains("startsAt, type", Assert.Single(problem.GetProperty("errors").GetProperty("file").EnumerateArray()).GetString());
        Assert.Equal("missing-columns", problem.GetProperty("codes").GetProperty("file")[0].GetString());
    }

    /// <summary>The 400's cells (<c>lines[3].endsAt</c>) as line, column, code and message.</summary>
    private static List<ImportError> Cells(JsonElement problem) =>
        [.. problem.GetProperty("codes").EnumerateObject().Zip(problem.GetProperty("errors").EnumerateObject()).SelectMany(p =>
        {
            var cell = System.Text.RegularExpressions.Regex.Match(p.First.Name, @"^lines\[(\d+)\]\.(.+)$");
            return p.First.Value.EnumerateArray().Zip(p.Second.Value.EnumerateArray())
                .Select(e => new ImportError(int.Parse(cell.Groups[1].Value), cell.Groups[2].Value, e.First.GetString()!, e.Second.GetString()!));
        })];

    private Task<HttpResponseMessage> ImportAsync(string csv)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "events.csv" } };
        return host.Editor.PostAsync("/api/media-events/import", form);
    }
}
