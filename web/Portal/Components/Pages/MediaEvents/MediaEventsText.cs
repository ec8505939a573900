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

    public static string Month(int year, int month) =>
        new DateTime(year, month, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}
