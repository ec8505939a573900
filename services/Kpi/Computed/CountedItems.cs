namespace StrategyPlatform.Kpi.Computed;

/// <summary>A media event counted for indicator 13 or 14, on the day (Latvian time) it counts for.</summary>
public sealed record CountedMediaEvent(Guid MediaEventId, DateOnly Date, string Type);

/// <summary>A survey whose responses were counted for indicator 15 or 16 in a year.</summary>
/// <param name="N">Ratings counted (1–5 answers to the questions that count); "cannot say" is left out.</param>
/// <param name="Positive">Of those, ratings 4 and 5.</param>
/// <param name="Population">
/// The ratings the survey's invited organisations could give at most (invited × the questions that count, as the
/// Surveys service's results compute it), which the 95 % interval is corrected for; null for an open-link survey,
/// or an invitation survey whose population the Surveys service has not told yet.
/// </param>
public sealed record CountedSurvey(Guid SurveyId, int Responses, int N, int Positive, int? Population = null);

/// <summary>
/// Exactly what a computed indicator counted for a year, and the value it makes. The value is
/// derived from these items and nothing else, so the drill-down that lists them and the tile that
/// shows the value cannot disagree.
/// </summary>
/// <param name="HasFacts">Whether any fact (counted or not, withdrawn included) falls in the year: without one the year has no value.</param>
public sealed record CountedItems(
    string Number, int Year, bool HasFacts, IReadOnlyList<CountedMediaEvent> Events, IReadOnlyList<CountedSurvey> Surveys);

/// <summary>A computed indicator's value for a year as <c>computed_values</c> stores it.</summary>
// A class with setters, not a positional record: Dapper cannot match an int[] column to a constructor parameter.
public class ComputedValue
{
    public decimal? Value { get; set; }
    public int? Positive { get; set; }
    public int? Counted { get; set; }
    public int? Responses { get; set; }
    public decimal? CiLow { get; set; }
    public decimal? CiHigh { get; set; }
    public int[]? Monthly { get; set; }

    // The interval too: a population told later moves it without any new response.
    public bool SameAs(ComputedValue other) => Value == other.Value && Counted == other.Counted && Positive == other.Positive
        && Responses == other.Responses && CiLow == other.CiLow && CiHigh == other.CiHigh && (Monthly ?? []).SequenceEqual(other.Monthly ?? []);
}
