using System.Net.Http.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;

namespace StrategyPlatform.Kpi.Sources;

/// <summary>A source service could not be read; the replay changes nothing.</summary>
public sealed class SourceUnavailableException(string source, string reason, Exception? inner = null)
    : Exception($"The {source} service could not be read: {reason}", inner)
{
    public string Service { get; } = source;
}

/// <summary>
/// Reads the source services' replay feeds page by page (<c>services:surveys</c> and
/// <c>services:mediaevents</c> through service discovery), with the token of the Administrator who
/// started the replay: the aggregator holds no credentials of its own.
/// </summary>
public sealed class SourceFeeds(IHttpClientFactory clients)
{
    public const string Surveys = "surveys";
    public const string MediaEvents = "mediaevents";
    private const int PageSize = 1000;

    public Task<IReadOnlyList<SurveyResponseSubmitted>> SurveyResponsesAsync(string authorization, CancellationToken ct) =>
        ReadAllAsync<SurveyResponseFactsPage, SurveyResponseSubmitted>(Surveys, "api/surveys/response-facts", p => (p.Items, p.NextAfterId), authorization, ct);

    public async Task<IReadOnlyList<SurveyPopulationChanged>> SurveyPopulationsAsync(string authorization, CancellationToken ct) =>
        (await GetAsync<SurveyPopulationsFeed>(Surveys, "api/surveys/populations", authorization, ct)).Items;

    public Task<IReadOnlyList<MediaEventFactsEntry>> MediaEventsAsync(string authorization, CancellationToken ct) =>
        ReadAllAsync<MediaEventFactsPage, MediaEventFactsEntry>(MediaEvents, "api/media-events/facts", p => (p.Items, p.NextAfterId), authorization, ct);

    /// <summary>Follows a keyset-paged feed (<c>afterId</c> → <c>nextAfterId</c>) to its end.</summary>
    private async Task<IReadOnlyList<TItem>> ReadAllAsync<TPage, TItem>(
        string source, string path, Func<TPage, (IReadOnlyList<TItem> Items, Guid? Next)> open, string authorization, CancellationToken ct)
    {
        var all = new List<TItem>();
        Guid? after = null;
        do
        {
            var (items, next) = open(await GetAsync<TPage>(source, $"{path}?take={PageSize}{After(after)}", authorization, ct));
            all.AddRange(items);
            after = next;
        }
        while (after is not null);
        return all;
    }

    private static string After(Guid? after) => after is { } id ? $"&afterId={id}" : "";

    private async Task<T> GetAsync<T>(string source, string path, string authorization, CancellationToken ct)
    {
        using var client = clients.CreateClient(source);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            throw new SourceUnavailableException(source, e.Message, e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceUnavailableException(source, $"GET {path} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            return await response.Content.ReadFromJsonAsync<T>(KpiJson.Options, ct)
                ?? throw new SourceUnavailableException(source, $"GET {path} answered an empty body.");
        }
    }
}
