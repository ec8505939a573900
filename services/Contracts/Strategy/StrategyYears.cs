namespace StrategyPlatform.Contracts;

/// <summary>
/// The years of the Operational Strategy 2024–2027: the years every indicator is judged, values are
/// entered, reviewed and locked for. Declared once here because every service and the portal must
/// agree on them exactly, as they agree on the messages (a message's <c>Year</c> is one of these).
/// </summary>
public static class StrategyYears
{
    public const int First = 2024;
    public const int Last = 2027;

    public static IEnumerable<int> All => Enumerable.Range(First, Last - First + 1);

    public static bool Contains(int year) => year is >= First and <= Last;

    /// <summary>The nearest strategy year (for defaults such as "this year" or "the year just ended").</summary>
    public static int Clamp(int year) => Math.Clamp(year, First, Last);

    /// <summary>For error messages: "2024–2027".</summary>
    public static string Range => $"{First}–{Last}";
}
