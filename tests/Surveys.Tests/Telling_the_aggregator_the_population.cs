using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Results;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

/// <summary>The invited population the results correct with is what the KPI aggregator is told, when links are issued and in the replay feed.</summary>
public sealed class Telling_the_aggregator_the_population(SurveyPortal portal) : IClassFixture<SurveyPortal>
{
    private async Task<List<SurveyPopulationChanged>> PublishedAsync()
    {
        await using var connection = await portal.Database.OpenConnectionAsync();
        var payloads = await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%.SurveyPopulationChanged,%' ORDER BY sequence");
        return [.. payloads.Select(p => JsonSerializer.Deserialize<SurveyPopulationChanged>(p, SurveyPortal.JsonOptions)!)];
    }

    [Fact]
    public async Task Opening_and_issuing_more_links_publish_the_whole_population_with_the_counted_questions_and_the_feed_tells_it_too()
    {
        var opened = Assert.Single(await PublishedAsync());
        Assert.Equal((portal.Survey.Id, SurveyKind.PartnerSatisfaction, 2026, 20, 1), (opened.SurveyId, opened.SurveyKind, opened.Year, opened.Invited, opened.CountedQuestions));

        Assert.Equal(HttpStatusCode.OK, (await portal.ImportAsync("name;category;email\nJauna biedrība;Ngo;jauna@biedriba.lv\nCita biedrība;Ngo;cita@biedriba.lv")).StatusCode);
        var issued = await portal.Manager.PostAsync($"/api/surveys/{portal.Survey.Id}/invitations", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        // Nothing new to issue: no message.
        Assert.Equal(HttpStatusCode.OK, (await portal.Manager.PostAsync($"/api/surveys/{portal.Survey.Id}/invitations", null)).StatusCode);

        var published = await PublishedAsync();
        Assert.Equal([20, 22], published.Select(p => p.Invited));
        var results = await portal.Manager.GetFromJsonAsync<SurveyResults>($"/api/surveys/{portal.Survey.Id}/results", SurveyPortal.JsonOptions);
        Assert.Equal(22, results!.Invited);

        using var admin = portal.Bed.CreateStaffClient(portal.Surveys, [StaffRoles.Administrator]);
        var feed = await admin.GetFromJsonAsync<SurveyPopulationsFeed>("/api/surveys/populations", SurveyPortal.JsonOptions);
        var told = Assert.Single(feed!.Items);
        Assert.Equal((portal.Survey.Id, 22, 1), (told.SurveyId, told.Invited, told.CountedQuestions));
        Assert.Equal(HttpStatusCode.Forbidden, (await portal.Manager.GetAsync("/api/surveys/populations")).StatusCode);
    }
}
