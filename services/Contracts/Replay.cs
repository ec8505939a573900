namespace StrategyPlatform.Contracts;

// The replay feeds: paged, idempotent reads of what the sources published, so the KPI aggregator
// can rebuild its computed indicators from them (GET api/surveys/response-facts, GET api/surveys/populations,
// GET api/media-events/facts).

/// <param name="NextAfterId">Pass as <c>afterId</c> for the next page; null when this page is the last.</param>
public sealed record SurveyResponseFactsPage(IReadOnlyList<SurveyResponseSubmitted> Items, Guid? NextAfterId);

/// <summary>The known population of every survey answered through invitation links: few (one or two a year), so one page.</summary>
public sealed record SurveyPopulationsFeed(IReadOnlyList<SurveyPopulationChanged> Items);

/// <summary>One media event as the KPI aggregator last heard of it.</summary>
/// <param name="Version">The event's current version: the version of the newest message published for it.</param>
/// <param name="Withdrawn">The newest message was <see cref="MediaEventWithdrawn"/>: the event no longer counts.</param>
/// <param name="Facts">The facts of its newest content (for a withdrawn event, as they were when it was withdrawn).</param>
public sealed record MediaEventFactsEntry(Guid MediaEventId, int Version, bool Withdrawn, MediaEventFacts Facts);

/// <param name="NextAfterId">Pass as <c>afterId</c> for the next page; null when this page is the last.</param>
public sealed record MediaEventFactsPage(IReadOnlyList<MediaEventFactsEntry> Items, Guid? NextAfterId);
