using System.Net.Http.Json;
using System.Text.Json;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>One service replica's <c>/health</c> as an operator reads it: the status code, the overall status and each check.</summary>
public sealed record ServiceHealth(int StatusCode, string Status, IReadOnlyDictionary<string, (string Status, string? Description, JsonElement Data)> Checks)
{
    public static async Task<ServiceHealth?> ReadAsync(HttpClient replica)
    {
        try
        {
            using var response = await replica.GetAsync("/health");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var checks = body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => (
                c.Value.GetProperty("status").GetString()!,
                c.Value.TryGetProperty("description", out var d) ? d.GetString() : null,
                c.Value.TryGetProperty("data", out var data) ? data.Clone() : default));
            return new ServiceHealth((int)response.StatusCode, body.GetProperty("status").GetString()!, checks);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null; // not answering (down, or its port not yet open)
        }
    }
}
