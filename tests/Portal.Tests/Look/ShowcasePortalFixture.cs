using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Portal.Tests.Look;

/// <summary>
/// The whole platform with a year's worth of work in it, as a ministry would have it in December:
/// an open partner survey half answered, next year's draft, a campaign evaluation on an open link,
/// media events this year and last, figures entered by their units, and one account per role. The
/// look tests and the screenshot command tour every page of it; the start page tests read it.
/// </summary>
public sealed class ShowcasePortalFixture : WholePlatformPortalFixture
{
    /// <summary>Today as the ministry's clocks (and the start page) show it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga")).DateTime);

    public static int ThisYear => Today.Year;

    /// <summary>An account per staff role (the Administrator is the bootstrap one).</summary>
    public Dictionary<string, (string Email, string Password)> Accounts { get; } = [];

    public Guid OpenSurveyId { get; private set; }
    public Guid DraftSurveyId { get; private set; }
    public Guid CampaignSurveyId { get; private set; }
    public Guid MediaEventId { get; private set; }

    /// <summary>A press release (a type indicator 13 does not count) and an interview withdrawn with a reason.</summary>
    public Guid PressReleaseId { get; private set; }
    public Guid WithdrawnEventId { get; private set; }

    /// <summary>The year the monitoring group has reviewed and locked (the strategy's first, long ended).</summary>
    public static int LockedYear => StrategyPlatform.Contracts.StrategyYears.First;

    /// <summary>An invitation link nobody has answered yet (the answering steps) and one already used.</summary>
    public string PendingLink { get; private set; } = "";
    public string UsedLink { get; private set; } = "";

    /// <summary>Organisations invited to the open survey, and how many of them answered.</summary>
    public const int Invited = 8;
    public const int Answered = 5;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Accounts[StaffRoles.Administrator] = (AdminEmail, AdminPassword);
        Accounts[StaffRoles.Leadership] = await CreateUserAsync([StaffRoles.Leadership], null, "Inese Kalniņa");
        Accounts[StaffRoles.SurveyManager] = await CreateUserAsync([StaffRoles.SurveyManager], ["SPPAD"], "Jānis Ozols");
        Accounts[StaffRoles.Communications] = await CreateUserAsync([StaffRoles.Communications], ["KN"], "Līga Bērziņa");
        Accounts[StaffRoles.IndicatorOwner] = await CreateUserAsync([StaffRoles.IndicatorOwner], ["PDPD"], "Andris Liepiņš");
        await SeedSurveysAsync();
        await SeedMediaEventsAsync();
        await SeedFiguresAsync();
        await LockReviewedYearAsync();
        await WaitUntilCountedAsync();
    }

    private HttpClient SurveyManager() => Bed.CreateStaffClient(Surveys, [StaffRoles.SurveyManager], null, "showcase-surveys");

    private HttpClient Communications() => Bed.CreateStaffClient(MediaEvents, [StaffRoles.Communications], ["KN"], "showcase-kn");

    private async Task SeedSurveysAsync()
    {
        using var manager = SurveyManager();
        string[] categories = ["Ngo", "Ngo", "Municipality", "Municipality", "SubordinateInstitution", "SubordinateInstitution", "StateInstitution", "Ngo"];
        string[] names = ["Biedrība „Rīgas pensionāri”", "Latvijas Samariešu apvienība", "Cēsu novada pašvaldība", "Liepājas valstspilsētas pašvaldība",
            "Valsts sociālās apdrošināšanas aģentūra", "Nodarbinātības valsts aģentūra", "Veselības ministrija", "Biedrība „Resursu centrs cilvēkiem ar garīgiem traucējumiem „ZELDA””"];
        var csv = new StringBuilder("name;category;email\n");
        for (var i = 0; i < Invited; i++)
        {
            csv.Append($"{names[i]};{categories[i]};partneris{i + 1}@example.lv\n");
        }
        await Ensure(await manager.PostAsync("/api/organisations/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")));

        OpenSurveyId = await CreateFromTemplateAsync(manager, ThisYear);
        var today = Today;
        var opened = await manager.PostAsJsonAsync($"/api/surveys/{OpenSurveyId}/open", new { opensOn = today.AddDays(-12), closesOn = today.AddDays(16) });
        await Ensure(opened);
        var links = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").EnumerateArray()
            .Select(l => (Token: l.GetProperty("token").GetString()!, Email: l.GetProperty("email").GetString()!, Category: l.GetProperty("category").GetString()!))
            .OrderBy(l => l.Email, StringComparer.Ordinal).ToList();
        int[] overall = [5, 4, 5, 3, 4];
        for (var i = 0; i < Answered; i++)
        {
            await AnswerAsync(links[i].Token, overall[i], links[i].Category);
        }
        UsedLink = $"answer/{links[0].Token}";
        PendingLink = $"answer/{links[^1].Token}";

        DraftSurveyId = await CreateFromTemplateAsync(manager, ThisYear + 1);
    }

    private static async Task<Guid> CreateFromTemplateAsync(HttpClient manager, int year)
    {
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year });
        await Ensure(created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A partner's complete answer: every statement 4 or 5, the overall rating <paramref name="overall"/>.</summary>
    private async Task AnswerAsync(string token, int overall, string category)
    {
        var answers = StrategyPlatform.Surveys.Templates.PartnerSatisfactionTemplate.Definition().Questions
            .Where(q => q.Type == StrategyPlatform.Surveys.Model.QuestionType.Likert)
            .Select((q, i) => (q.Id, Value: q.Id == "overall-satisfaction" ? overall : 4 + i % 2))
            .ToDictionary(a => a.Id, a => new { value = a.Value });
        using var respondent = Surveys.CreateClient();
        await Ensure(await respondent.PostAsJsonAsync($"/api/answer/{token}", new { respondentCategory = category, answers }));
    }

    private async Task SeedMediaEventsAsync()
    {
        using var kn = Communications();
        var campaign = await kn.PostAsJsonAsync("/api/media-events/campaigns", new
        {
            name = "Cieņas kods", periodFrom = new DateOnly(ThisYear, 1, 15), periodTo = new DateOnly(ThisYear, 12, 31),
            goals = new[] { 8, 9 }, targetGroups = new[] { "Pašvaldības", "Nevalstiskās organizācijas" },
        });
        await Ensure(campaign);
        var campaignId = (await campaign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // This year: a proactive event most months, achievement news twice in most months (not in every one).
        var now = DateTimeOffset.UtcNow;
        for (var month = 1; month <= now.Month; month++)
        {
            var day = new DateTimeOffset(ThisYear, month, 1, 9, 0, 0, TimeSpan.Zero);
            if (month % 4 != 0)
            {
                await LogAsync(kn, month % 2 == 0 ? "MediaBriefing" : "PressConference", day.AddDays(4), $"Preses brīfings: sociālā drošība {month}. mēnesī", false, campaignId);
            }
            var news = month == now.Month ? 1 : month % 5 == 0 ? 1 : 2;
            for (var n = 0; n < news; n++)
            {
                await LogAsync(kn, "AchievementNews", day.AddDays(n * 10), $"Paveiktais: atbalsts ģimenēm ({month}.{n + 1})", true, null);
            }
        }
        MediaEventId = await LogAsync(kn, "Interview", now.AddDays(-1), "Ministres intervija par Cieņas kodu", false, campaignId);
        PressReleaseId = await LogAsync(kn, "PressRelease", now.AddDays(-2), "Preses relīze par pabalstu izmaksu", false, null);
        WithdrawnEventId = await LogAsync(kn, "Interview", now.AddDays(-3), "Intervija radio (ieraksts dublējās)", false, null);
        await Ensure(await kn.PostAsJsonAsync($"/api/media-events/{WithdrawnEventId}/withdraw", new { reason = "Tas pats notikums jau bija ierakstīts.", version = 1 }));
        // Last year: fewer proactive events.
        foreach (var month in new[] { 2, 5, 9, 11 })
        {
            await LogAsync(kn, "PressConference", new DateTimeOffset(ThisYear - 1, month, 10, 10, 0, 0, TimeSpan.Zero), $"Preses konference {month}/{ThisYear - 1}", false, null);
        }

        using var manager = SurveyManager();
        var evaluation = await manager.PostAsJsonAsync("/api/surveys", new
        {
            kind = "CampaignEvaluation", year = ThisYear, campaignId, mode = "OpenLink",
            title = new { lv = "Kampaņas „Cieņas kods” novērtējums", en = "Evaluation of the “Code of Respect” campaign" },
            introduction = new { lv = "Lūdzu, novērtējiet kampaņu. Tas aizņems divas minūtes.", en = "Please rate the campaign. It takes two minutes." },
            definition = new
            {
                sections = new[]
                {
                    new
                    {
                        key = "campaign", title = new { lv = "Kampaņa", en = "The campaign" },
                        questions = new object[]
                        {
                            new
                            {
                                id = "useful", comparisonKey = "useful", type = "Likert", required = true, countsTowardIndicator = true, allowCannotSay = true,
                                text = new { lv = "Kampaņas informācija bija noderīga.", en = "The campaign's information was useful." },
                                lowLabel = new { lv = "Pilnībā nepiekrītu", en = "Strongly disagree" }, highLabel = new { lv = "Pilnībā piekrītu", en = "Strongly agree" },
                            },
                            new { id = "remarks", comparisonKey = "remarks", type = "FreeText", required = false, text = new { lv = "Jūsu ieteikumi", en = "Your suggestions" } },
                        },
                    },
                },
            },
        });
        await Ensure(evaluation);
        CampaignSurveyId = (await evaluation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Ensure(await manager.PostAsJsonAsync($"/api/surveys/{CampaignSurveyId}/open", new { opensOn = new DateOnly(ThisYear, 1, 15), closesOn = new DateOnly(ThisYear, 12, 31) }));
        using var respondent = Surveys.CreateClient();
        foreach (var (category, value) in new[] { ("Municipality", 5), ("Ngo", 4), ("Resident", 2) })
        {
            await Ensure(await respondent.PostAsJsonAsync($"/api/open/{CampaignSurveyId}", new { respondentCategory = category, answers = new { useful = new { value } } }));
        }
    }

    private static async Task<Guid> LogAsync(HttpClient kn, string type, DateTimeOffset startsAt, string title, bool achievement, Guid? campaignId)
    {
        var response = await kn.PostAsJsonAsync("/api/media-events", new
        {
            startsAt, type, title, summary = "Ministrija informēja par paveikto un turpmākajiem soļiem.", goals = new[] { 8 },
            outlets = new[] { "LSM", "Delfi" }, estimatedReach = 12000, coverageLinks = new[] { "https://www.lsm.lv/raksts/1" },
            communicatesAchievement = achievement, campaignId, spokespersonName = "Ministre", spokespersonLevel = "Minister",
        });
        await Ensure(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A figure entered straight through the Kpi service by an owner of <paramref name="unit"/>, as a colleague would meanwhile.</summary>
    public async Task EnterMeasurementAsync(string unit, string number, int year, decimal value)
    {
        using var owner = Bed.CreateStaffClient(Kpi, [StaffRoles.IndicatorOwner], [unit], $"showcase-{unit}");
        await Ensure(await owner.PostAsJsonAsync($"/api/kpi/indicators/{number}/measurements",
            new { year, value, comment = "Dati no personāla uzskaites sistēmas HORIZON.", source = "HORIZON" }));
    }

    /// <summary>An achievement news item logged by the communications unit at <paramref name="startsAt"/>.</summary>
    public async Task LogAchievementNewsAsync(DateTimeOffset startsAt)
    {
        using var kn = Communications();
        await LogAsync(kn, "AchievementNews", startsAt, "Paveiktais: jauns atbalsts senioriem", true, null);
    }

    /// <summary>Figures the units entered: some years filled in, others (this year's) still missing.</summary>
    private async Task SeedFiguresAsync()
    {
        (string Unit, string Number, int Year, decimal Value)[] figures =
        [
            ("PDPD", "1", ThisYear - 2, 9.6m), ("PDPD", "1", ThisYear - 1, 11.8m),
            ("PDPD", "4", ThisYear - 2, 27m), ("PDPD", "4", ThisYear - 1, 24m),
            ("PDPD", "8", ThisYear - 1, 66.1m), ("PDPD", "9", ThisYear - 1, 81.2m),
            ("FVD", "12a", ThisYear - 2, 341.5m), ("FVD", "12a", ThisYear - 1, 329.9m), ("FVD", "12a", ThisYear, 301.2m),
            ("SPPAD", "7a", ThisYear - 1, 27m),
        ];
        foreach (var (unit, number, year, value) in figures)
        {
            await EnterMeasurementAsync(unit, number, year, value);
        }
        using var admin = Bed.CreateStaffClient(Kpi, [StaffRoles.Administrator], null, "showcase-admin");
        await Ensure(await admin.PostAsJsonAsync("/api/kpi/activities/e-learning/progress",
            new { asOf = new DateOnly(ThisYear, 6, 10), participants = 50, organisations = 25, note = "Pieteikušies ~200 no 48 iestādēm." }));
    }

    /// <summary>After the monitoring group's review, Leadership locked the first year: its values are final.</summary>
    private async Task LockReviewedYearAsync()
    {
        using var leadership = Bed.CreateStaffClient(Kpi, [StaffRoles.Leadership], null, "showcase-leadership");
        await Ensure(await leadership.PostAsJsonAsync($"/api/kpi/years/{LockedYear}/lock", new { note = "Uzraudzības grupas sēde, protokols Nr. 3." }));
    }

    /// <summary>Fails with what the service said, so a broken seed names its field.</summary>
    private static async Task Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The aggregator has counted the answers and the media events (through the broker) before any page is shown.</summary>
    private async Task WaitUntilCountedAsync()
    {
        using var reader = KpiReader();
        await Eventually.ReturnsAsync(
            () => reader.GetFromJsonAsync<JsonElement>("/api/kpi/indicators"),
            list => list.EnumerateArray().Where(i => i.GetProperty("number").GetString() is "13" or "14" or "15" or "16")
                .All(i => i.GetProperty("current").GetProperty("year").GetInt32() == ThisYear && i.GetProperty("current").GetProperty("value").ValueKind == JsonValueKind.Number),
            TimeSpan.FromSeconds(60), "indicators 13–16 counted for this year");
    }
}
