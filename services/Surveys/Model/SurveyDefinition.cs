using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyPlatform.Surveys.Model;

/// <summary>A text in both languages of the portal: Latvian (the default) and English.</summary>
public sealed record LocalizedText(string Lv, string En);

public enum QuestionType
{
    /// <summary>1–5 with labelled ends; optionally "cannot say", which is excluded from shares.</summary>
    Likert,
    SingleChoice,
    MultipleChoice,
    FreeText,
    /// <summary>0–10 "how likely would you recommend…" (Net Promoter Score).</summary>
    Nps,
}

public sealed record ChoiceOption(string Key, LocalizedText Label);

/// <param name="Id">Unique within the survey; answers are keyed by it.</param>
/// <param name="ComparisonKey">Stays the same from year to year for "the same question"; results compare across it only while <see cref="Fingerprint"/> is unchanged too.</param>
/// <param name="CountsTowardIndicator">A Likert question whose 4–5 answers count toward the survey's indicator (16 or 15).</param>
public sealed record Question(
    string Id,
    string ComparisonKey,
    QuestionType Type,
    LocalizedText Text,
    bool Required,
    bool CountsTowardIndicator = false,
    bool AllowCannotSay = false,
    LocalizedText? LowLabel = null,
    LocalizedText? HighLabel = null,
    IReadOnlyList<ChoiceOption>? Options = null)
{
    /// <summary>
    /// A hash of what a respondent reads and the scale they answer on. Two years' answers are
    /// comparable only when it is equal; a reworded question or a changed scale is flagged instead.
    /// </summary>
    public string Fingerprint()
    {
        var basis = JsonSerializer.Serialize(new object?[]
        {
            Type.ToString(), Text.Lv.Trim(), Text.En.Trim(), AllowCannotSay,
            LowLabel?.Lv.Trim(), LowLabel?.En.Trim(), HighLabel?.Lv.Trim(), HighLabel?.En.Trim(),
            Options?.Select(o => new[] { o.Key, o.Label.Lv.Trim(), o.Label.En.Trim() }),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..16];
    }
}

public sealed record Section(string Key, LocalizedText Title, IReadOnlyList<Question> Questions);

/// <summary>The questions of a survey, grouped in sections. The respondent-category question is built in, not listed here.</summary>
public sealed record SurveyDefinition(IReadOnlyList<Section> Sections)
{
    [JsonIgnore]
    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    public Question? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}
