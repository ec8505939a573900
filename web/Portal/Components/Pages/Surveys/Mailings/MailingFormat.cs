using System.Globalization;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Portal.Components.Pages.Surveys.Mailings;

public static class MailingFormat
{
    /// <summary>A moment as the ministry's clocks show it (Europe/Riga), in the page's culture.</summary>
    public static string Moment(DateTimeOffset instant) => LatvianTime.Local(instant).ToString("g", CultureInfo.CurrentCulture);
}
