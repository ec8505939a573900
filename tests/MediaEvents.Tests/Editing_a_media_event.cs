using System.Net;
using System.Net.Http.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;

namespace StrategyPlatform.MediaEvents.Tests;

public sealed class Editing_a_media_event(MediaEventsHost host) : IClassFixture<MediaEventsHost>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-02-10T11:00:00+02:00");

    [Fact]
    public async Task From_an_interview_to_a_press_release_stops_it_counting_as_proactive_and_keeps_the_change_in_its_history()
    {
        var interview = await host.CreateAsync(MediaEventsHost.Event(Start, MediaEventType.Interview));

        var response = await host.Editor.PutAsJsonAsync($"/api/media-events/{interview.Id}",
            MediaEventsHost.Event(Start, MediaEventType.PressRelease, version: 1), MediaEventsHost.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revised = (await response.Content.ReadFromJsonAsync<MediaEventDto>(MediaEventsHost.Json))!;
        Assert.Equal(2, revised.Version);
        Assert.False(revised.CountsAsProactive);
        var details = await host.GetAsync<MediaEventDetails>($"/api/media-events/{interview.Id}");
        Assert.Equal(["Created", "Revised"], details.History.Select(h => h.Action));
        var change = details.History[1];
        Assert.Equal(2, change.Version);
        Assert.Equal("kn-editor", change.ChangedBy);
        Assert.Contains(new HistoryChange("type", "Interview", "PressRelease"), change.Changes);
        Assert.Contains(new HistoryChange("countsAsProactive", "true", "false"), change.Changes);
        Assert.Equal(2, change.Changes.Count);
        var messages = await host.OutboxAsync(interview.Id);
        Assert.True(messages[0].Is<MediaEventRecorded>());
        var message = messages[1].Message<MediaEventRevised>();
        Assert.True(messages[1].Is<MediaEventRevised>());
        Assert.Equal(2, message.Version);
        Assert.False(message.Facts.CountsAsProactive);
        Assert.Equal(MediaEventType.PressRelease, message.Facts.Type);
    }

    [Fact]
    public async Task From_a_stale_version_is_refused_with_409_and_changes_nothing()
    {
        var created = await host.CreateAsync(MediaEventsHost.Event(Start, title: "Original title"));
        var first = await host.Editor.PutAsJsonAsync($"/api/media-events/{created.Id}",
            MediaEventsHost.Event(Start, title: "First editor's title", version: 1), MediaEventsHost.Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await host.Editor.PutAsJsonAsync($"/api/media-events/{created.Id}",
            MediaEventsHost.Event(Start, title: "Second editor's title", version: 1), MediaEventsHost.Json);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(2, (await MediaEventsHost.ProblemAsync(second)).GetProperty("currentVersion").GetInt32());
        var stored = await host.GetAsync<MediaEventDetails>($"/api/media-events/{created.Id}");
        Assert.Equal("First editor's title", stored.Event.Title);
        Assert.Equal(2, stored.History.Count);
        Assert.Equal(2, (await host.OutboxAsync(created.Id)).Count);
    }

    [Fact]
    public async Task Unchanged_is_not_a_new_version()
    {
        var created = await host.CreateAsync(MediaEventsHost.Event(Start, title: "Saved twice"));

        var response = await host.Editor.PutAsJsonAsync($"/api/media-events/{created.Id}",
            MediaEventsHost.Event(Start, title: "Saved twice", version: 1), MediaEventsHost.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<MediaEventDto>(MediaEventsHost.Json))!.Version);
        Assert.Single(await host.OutboxAsync(created.Id));
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_then_hides_the_event_and_publishes_MediaEventWithdrawn()
    {
        var created = await host.CreateAsync(MediaEventsHost.Event(Start, title: "Logged twice by mistake"));

        var noReason = await host.Editor.PostAsJsonAsync($"/api/media-events/{created.Id}/withdraw", new WithdrawRequest("  ", 1), MediaEventsHost.Json);
        var withdrawn = await host.Editor.PostAsJsonAsync($"/api/media-events/{created.Id}/withdraw", new WithdrawRequest("Duplicate entry", 1), MediaEventsHost.Json);
        var editAfterwards = await host.Editor.PutAsJsonAsync($"/api/media-events/{created.Id}",
            MediaEventsHost.Event(Start, title: "Too late", version: 2), MediaEventsHost.Json);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await MediaEventsHost.ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, editAfterwards.StatusCode);
        var details = await host.GetAsync<MediaEventDetails>($"/api/media-events/{created.Id}");
        Assert.Equal("Duplicate entry", details.Event.WithdrawnReason);
        Assert.Equal("kn-editor", details.Event.WithdrawnBy);
        Assert.Equal(["Created", "Withdrawn"], details.History.Select(h => h.Action));
        var messages = await host.OutboxAsync(created.Id);
        Assert.Equal(2, messages.Count);
        var message = messages[1].Message<MediaEventWithdrawn>();
        Assert.Equal((2, "Duplicate entry"), (message.Version, message.Reason));
        var day = created.Date.ToString("yyyy-MM-dd");
        var visible = await host.GetAsync<MediaEventPage>($"/api/media-events?from={day}&to={day}&q=mistake");
        var all = await host.GetAsync<MediaEventPage>($"/api/media-events?from={day}&to={day}&q=mistake&includeWithdrawn=true");
        Assert.Empty(visible.Items);
        Assert.Equal(created.Id, Assert.Single(all.Items).Id);
    }
}
