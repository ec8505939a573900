using StrategyPlatform.Contracts;

namespace StrategyPlatform.Surveys.Model;

/// <summary>The built-in respondent-category question every survey asks, and the names a CSV may use for a category.</summary>
public static class RespondentCategories
{
    public static readonly LocalizedText Question = new("Kuru no šīm grupām Jūs pārstāvat?", "Which of these groups do you represent?");

    /// <summary>
    /// The categories a survey's respondents can choose: residents answer only public open-link (campaign)
    /// surveys; invitations go to organisations, which are never residents.
    /// </summary>
    public static IReadOnlyList<RespondentCategory> Offered(SurveyMode mode) =>
        [.. Enum.GetValues<RespondentCategory>().Where(c => mode == SurveyMode.OpenLink || c != RespondentCategory.Resident)];

    public static LocalizedText Label(RespondentCategory category) => category switch
    {
        RespondentCategory.Ngo => new("Nevalstiskā organizācija (biedrība vai nodibinājums)", "Non-governmental organisation (association or foundation)"),
        RespondentCategory.Municipality => new("Pašvaldība vai tās iestāde", "Municipality or its institution"),
        RespondentCategory.SubordinateInstitution => new("Labklājības ministrijas padotības iestāde", "Institution subordinate to the Ministry of Welfare"),
        RespondentCategory.StateInstitution => new("Cita ministrija vai tiešās valsts pārvaldes iestāde", "Another ministry or direct state administration institution"),
        RespondentCategory.Resident => new("Iedzīvotājs", "Resident"),
        _ => new("Cits", "Other"),
    };

    private static readonly Dictionary<string, RespondentCategory> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NVO"] = RespondentCategory.Ngo,
        ["NGO"] = RespondentCategory.Ngo,
        ["biedrība"] = RespondentCategory.Ngo,
        ["nodibinājums"] = RespondentCategory.Ngo,
        ["pašvaldība"] = RespondentCategory.Municipality,
        ["padotības iestāde"] = RespondentCategory.SubordinateInstitution,
        ["valsts iestāde"] = RespondentCategory.StateInstitution,
        ["ministrija"] = RespondentCategory.StateInstitution,
        ["iedzīvotājs"] = RespondentCategory.Resident,
        ["cits"] = RespondentCategory.Other,
    };

    /// <summary>Accepts the enum name, a label in either language or a common Latvian short name.</summary>
    public static bool TryParse(string? text, out RespondentCategory category)
    {
        text = text?.Trim() ?? "";
        if (Enum.TryParse(text, ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(text, out _))
        {
            return true;
        }
        if (Aliases.TryGetValue(text, out category))
        {
            return true;
        }
        foreach (var candidate in Enum.GetValues<RespondentCategory>())
        {
            var label = Label(candidate);
            if (string.Equals(label.Lv, text, StringComparison.OrdinalIgnoreCase) || string.Equals(label.En, text, StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }
        return false;
    }
}
