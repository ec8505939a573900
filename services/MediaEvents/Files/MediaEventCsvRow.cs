using System.Globalization;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.MediaEvents.Files;

/// <summary>
/// Reads one CSV row into a <see cref="MediaEventInput"/>. Cells that cannot be read are reported
/// by column; the rest goes through the same validator as the form.
/// </summary>
internal static class MediaEventCsvRow
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd",
        "dd.MM.yyyy HH:mm", "d.M.yyyy HH:mm", "dd.MM.yyyy", "d.M.yyyy",
    ];

    /// <returns>The input (cells that could not be read left empty) and the errors of those cells by column.</returns>
    public static (MediaEventInput Input, Dictionary<string, FieldError> Errors) Read(Csv.Row row, IReadOnlyDictionary<string, Guid> campaignsByName)
    {
        var errors = new Dictionary<string, FieldError>();
        T? Parse<T>(string column, Func<string, (bool Ok, T? Value)> parse, string code, string message)
        {
            var text = row[column];
            if (text.Length == 0) { return default; }
            var (ok, value) = parse(text);
            if (!ok) { errors[column] = new(code, message.Replace("{value}", text, StringComparison.Ordinal)); }
            return value;
        }

        var startsAt = Parse<DateTimeOffset?>("startsAt", ParseTime, ErrorCodes.NotDateTime, "'{value}' is not a date and time (e.g. 2025-03-14 10:00).");
        var endsAt = Parse<DateTimeOffset?>("endsAt", ParseTime, ErrorCodes.NotDateTime, "'{value}' is not a date and time (e.g. 2025-03-14 12:00).");
        var type = Parse<MediaEventType?>("type", ParseEnum<MediaEventType>, ErrorCodes.NotOffered, $"'{{value}}' is not a type; use one of: {string.Join(", ", Enum.GetNames<MediaEventType>())}.");
        var goals = Parse<int[]>("goals", ParseGoals, ErrorCodes.Unreadable, "'{value}' is not a list of goal numbers (e.g. 8 | 9).");
        var campaign = Parse<Guid?>("campaign", text => Guid.TryParse(text, out var id) && campaignsByName.Values.Contains(id)
            ? (true, id) : campaignsByName.TryGetValue(text, out var named) ? (true, named) : (false, null), ErrorCodes.NotFound, "There is no campaign '{value}'.");
        var level = Parse<SpokespersonLevel?>("spokespersonLevel", ParseEnum<SpokespersonLevel>, ErrorCodes.NotOffered, $"'{{value}}' is not a level; use one of: {string.Join(", ", Enum.GetNames<SpokespersonLevel>())}.");
        var reach = Parse<long?>("estimatedReach", text => long.TryParse(text.Replace(" ", "").Replace("\u00a0", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? (true, n) : (false, null), ErrorCodes.NotWholeNumber, "'{value}' is not a whole number.");
        var tone = Parse<CoverageTone?>("tone", ParseEnum<CoverageTone>, ErrorCodes.NotOffered, $"'{{value}}' is not a tone; use one of: {string.Join(", ", Enum.GetNames<CoverageTone>())}.");
        var achievement = Parse<bool>("communicatesAchievement", ParseFlag, ErrorCodes.NotYesNo, "'{value}' is not yes or no.");

        var input = new MediaEventInput(startsAt, endsAt, type, row["title"], row["summary"], goals, campaign, row["spokespersonName"], level,
            Split(row["outlets"]), reach, tone, Split(row["coverageLinks"]), row["language"], achievement);
        return (input, errors);
    }

    private static (bool, DateTimeOffset?) ParseTime(string text)
    {
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (true, LatvianTime.FromLocal(local));
        }
        // A time with its own offset or Z (ISO 8601) is taken as written.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(text)
            ? (true, instant) : (false, null);
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf(':', StringComparison.Ordinal);

    private static (bool, T?) ParseEnum<T>(string text) where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace(" ", "").Replace("-", "").Replace("_", ""), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? (true, value) : (false, null);

    private static (bool, int[]?) ParseGoals(string text)
    {
        var parts = text.Split(['|', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        var goals = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : (int?)null).ToList();
        return goals.All(g => g is not null) ? (true, [.. goals.Select(g => g!.Value)]) : (false, null);
    }

    private static (bool, bool) ParseFlag(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" or "jā" or "ja" or "x" => (true, true),
        "false" or "no" or "n" or "0" or "nē" or "ne" => (true, false),
        _ => (false, false),
    };

    private static string[] Split(string text) => text.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
