using System.Net.Http.Json;
using System.Text.Json;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>What the communications unit sends to log and revise a media event; the title is the submission's marker.</summary>
public static class MediaEventRequests
{
    /// <summary>A media briefing (it counts for indicator 13) on a day of <paramref name="year"/> spread by the marker.</summary>
    public static HttpRequestMessage Create(string marker, int year, string type = "MediaBriefing") =>
        new(HttpMethod.Post, "/api/media-events") { Content = JsonContent.Create(Body(marker, DayOf(marker, year), type, null)) };

    public static HttpRequestMessage Revise(Guid id, string marker, int year, string type, int version) =>
        new(HttpMethod.Put, $"/api/media-events/{id}") { Content = JsonContent.Create(Body(marker, DayOf(marker, year), type, version)) };

    public static object Body(string title, DateTimeOffset startsAt, string type, int? version) => new
    {
        startsAt, type, title, summary = "", goals = new[] { 8 }, outlets = new[] { "LSM" }, estimatedReach = 5000,
        coverageLinks = Array.Empty<string>(), version,
    };

    /// <summary>Reads the created event's id from a 201.</summary>
    public static async Task ReadIdAsync(HttpResponseMessage response, Submission submission) =>
        submission.CreatedId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static DateTimeOffset DayOf(string marker, int year) =>
        new DateTimeOffset(year, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddDays((uint)marker.GetHashCode(StringComparison.Ordinal) % 360);
}
