using System.Net.Http.Json;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// Waits until nothing is in flight any more, without sleeping: every service's outbox has sent everything,
/// then a marker answer and a marker media event, sent last, are counted by the aggregator, and no recount waits.
/// A copy of an earlier message (a redelivery, a re-publish) waits in the same queues ahead of the markers. As the
/// aggregator's consumers take several messages at a time, a message just ahead of a marker may still be in hand:
/// the tallies wait for what they count (ResponseTally, MediaEventTally) before they call anything lost.
/// </summary>
public sealed class Settling(FaultPlatform platform)
{
    private readonly Databases databases = new(platform);
    private readonly Respondents respondents = new(platform);
    private Guid? markerSurvey;
    private int markersAnswered;

    public async Task SettleAsync(TimeSpan timeout)
    {
        foreach (var database in new[] { Databases.Surveys, Databases.Media, Databases.Kpi })
        {
            await Eventually.ReturnsAsync(() => databases.PendingOutboxAsync(database), pending => pending == 0, timeout,
                because: $"the outbox of {database} still holds unsent messages");
        }
        var marker = $"settle-{Guid.NewGuid():N}";
        markerSurvey ??= await respondents.OpenCampaignSurveyAsync(2027);
        using (var respondent = platform.Client(Resources.Surveys))
        {
            (await respondent.PostAsJsonAsync($"/api/open/{markerSurvey}", Respondents.OpenAnswer(marker))).EnsureSuccessStatusCode();
            markersAnswered++;
        }
        Guid eventId;
        using (var communications = platform.Client(Resources.MediaEvents, [StaffRoles.Communications]))
        {
            using var created = await communications.SendAsync(MediaEventRequests.Create(marker, 2027));
            created.EnsureSuccessStatusCode();
            eventId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        }
        await Eventually.ReturnsAsync(() => databases.ScalarAsync<long>(Databases.Kpi, """
            SELECT (SELECT count(*) FROM media_event_facts WHERE media_event_id = @eventId)
                 + (SELECT count(*) FROM survey_response_facts WHERE survey_id = @survey)
            """, new { eventId, survey = markerSurvey }), counted => counted == markersAnswered + 1, timeout, because: "the aggregator did not count the markers");
        // Answers' facts are recorded first and their indicators recounted after: the tiles are final once nothing waits.
        await Eventually.ReturnsAsync(() => databases.ScalarAsync<long>(Databases.Kpi, "SELECT (SELECT count(*) FROM pending_recounts) + (SELECT count(*) FROM survey_response_changes)"), pending => pending == 0, timeout,
            because: "the aggregator did not recount the indicators of the answers it recorded");
    }
}
