using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Invitations;

/// <summary>A reminder for staff to copy into an e-mail; each organisation's own link goes where <c>[saite]</c>/<c>[link]</c> stands.</summary>
public static class ReminderText
{
    public static LocalizedText For(LocalizedText title, DateOnly? closesOn)
    {
        var dateLv = closesOn?.ToString("dd.MM.yyyy") ?? "";
        var dateEn = closesOn?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "";
        return new(
            $"""
            Labdien!

            Atgādinām par aptauju "{title.Lv}". Jūsu organizācijas viedoklis mums ir svarīgs – tas palīdzēs uzlabot sadarbību ar Labklājības ministriju.
            Aptauja ir anonīma, un tās aizpildīšana aizņems aptuveni 5–7 minūtes. Atbildes var sniegt līdz {dateLv}, izmantojot Jūsu organizācijas saiti:
            [saite]

            Ja esat jau atbildējuši, lūdzu, neņemiet šo vēstuli vērā. Paldies par atsaucību!

            Ar cieņu
            Labklājības ministrija
            """,
            $"""
            Hello,

            This is a reminder about the survey "{title.En}". Your organisation's views matter to us and will help improve cooperation with the Ministry of Welfare.
            The survey is anonymous and takes about 5–7 minutes. Please answer by {dateEn} using your organisation's link:
            [link]

            If you have already answered, please disregard this message. Thank you!

            Kind regards,
            Ministry of Welfare
            """);
    }
}
