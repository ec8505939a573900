using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Components.Pages.MediaEvents;

/// <summary>How the media-events pages write times and counts, the same on every page.</summary>
public static class MediaEventsText
{
    /// <summary>An instant as Latvian wall-clock time in the user's culture (lv: 15.03.2026 10:00).</summary>
    public static string When(DateTimeOffset instant) => MediaEventVocabulary.InRiga(instant).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    public static string Counts(IStringLocalizer<SharedResource> t, MediaEventItem e) => string.Join(", ",
        new[] { e.CountsAsProactive ? t["MediaEvents.Proactive"].Value : null, e.CountsAsAchievement ? t["MediaEvents.Achievement"].Value : null }
            .OfType<string>());

    /// <summary>The service's bilingual text (the counting rule) in the page's language.</summary>
    public static string Of(MediaRuleText text) => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "lv" ? text.Lv : text.En;

    /// <summary>Why an event that is not withdrawn does not count for indicator 13, by the service's rule; null when it counts.</summary>
    public static string? WhyNotIndicator13(IStringLocalizer<SharedResource> t, MediaEventItem e, MediaCountingRules? rules) =>
        e.WithdrawnAt is null && !e.CountsAsProactive && rules?.For(e.Type) is { } rule ? t["MediaEvents.NotCountedFor13", Of(rule.Why)].Value : null;

    public static string Month(int year, int month) =>
        new DateTime(year, month, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}
