using System.Net;
using System.Net.Http.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Idempotency;

namespace StrategyPlatform.MediaEvents.Tests;

/// <summary>
/// A create sent again under its <c>Idempotency-Key</c> (the portal's retry after a timeout, a second click):
/// one event, one history entry, one message to the aggregator, and the first answer back.
/// </summary>
public sealed class Creating_with_an_idempotency_key(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    [Fact]
    public async Task Sent_twice_and_at_once_creates_one_event_and_answers_each_with_it()
    {
        var input = MediaEventsHost.Event(DateTimeOffset.Parse("2026-09-10T10:00:00+03:00"), MediaEventType.PressConference);
        var key = Guid.NewGuid().ToString();
        var before = await host.CountRowsAsync();

        // Two at once (the second waits on the first's claim), then one long after.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => host.Editor.SendAsync(Create(input, key))));
        using var later = await host.Editor.SendAsync(Create(input, key));

        var responses = concurrent.Append(later).ToList();
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<MediaEventDto>(MediaEventsHost.Json))!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(2, responses.Count(r => r.Headers.Contains(IdempotentRequest.ReplayedHeader)));
        Assert.Equal((before.Events + 1, before.Messages + 1), await host.CountRowsAsync());
        Assert.Single(await host.OutboxAsync(ids[0]));
    }

    [Fact]
    public async Task Refuses_a_key_used_for_other_content_and_a_malformed_key_naming_the_header_and_creates_nothing_more()
    {
        var key = Guid.NewGuid().ToString();
        var first = MediaEventsHost.Event(DateTimeOffset.Parse("2026-09-11T10:00:00+03:00"), MediaEventType.Interview);
        using (var created = await host.Editor.SendAsync(Create(first, key)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var before = await host.CountRowsAsync();

        using var other = await host.Editor.SendAsync(Create(first with { Title = "Cits notikums" }, key));
        using var tooLong = await host.Editor.SendAsync(Create(first, new string('k', 256)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(other)).GetProperty("errors").TryGetProperty(IdempotentRequest.Header, out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(tooLong)).GetProperty("errors").TryGetProperty(IdempotentRequest.Header, out _));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    private static HttpRequestMessage Create(MediaEventInput input, string key) => new(HttpMethod.Post, "/api/media-events")
    {
        Content = JsonContent.Create(input, options: MediaEventsHost.Json),
        Headers = { { IdempotentRequest.Header, key } },
    };
}
