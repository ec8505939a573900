using System.Globalization;
using System.Resources;
using Radzen;

namespace StrategyPlatform.Portal.Localization;

/// <summary>
/// Radzen ships no Latvian. Its components ask this localizer first for every text (grid filters and
/// paging, validators, date picker, dialogs); Resources/RadzenTexts.resx answers in Latvian, and
/// for any other culture (or a key not translated) null lets Radzen use its built-in English.
/// </summary>
public sealed class RadzenLatvianTexts : ILocalizer
{
    private static readonly ResourceManager Texts = new("StrategyPlatform.Portal.Resources.RadzenTexts", typeof(RadzenLatvianTexts).Assembly);

    public string Get(string key, CultureInfo culture) =>
        PortalCultures.IsLatvian(culture) ? Texts.GetString(key, culture)! : null!;
}
