using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>
/// Checks a media event as a whole and names every field at fault at once (keys as in the JSON
/// body, e.g. <c>coverageLinks[1]</c>), so a form or an import report can show all problems together.
/// </summary>
public static class MediaEventValidator
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 4000;
    public const int NameMaxLength = 200;
    public static readonly IReadOnlyList<string> Languages = ["lv", "en", "other"];

    public static FieldErrors Validate(MediaEventInput input, out MediaEventValues? values)
    {
        var errors = new FieldErrors();
        void Fail(string field, string code, string message) => errors.Add(field, code, message);

        var title = Clean(input.Title);
        if (title is null) { Fail("title", ErrorCodes.Required, "The title is required."); }
        else if (title.Length > TitleMaxLength) { Fail("title", ErrorCodes.TooLong, $"The title must be at most {TitleMaxLength} characters long."); }
        var summary = Clean(input.Summary) ?? "";
        if (summary.Length > SummaryMaxLength) { Fail("summary", ErrorCodes.TooLong, $"The summary must be at most {SummaryMaxLength} characters long."); }
        if (input.Type is null) { Fail("type", ErrorCodes.Required, "The type is required."); }
        if (input.StartsAt is null) { Fail("startsAt", ErrorCodes.Required, "The start date and time are required."); }
        else if (input.StartsAt.Value.Year is < 2000 or > 2100) { Fail("startsAt", ErrorCodes.OutOfRange, "The start must be between the years 2000 and 2100."); }
        if (input.StartsAt is { } start && input.EndsAt is { } end && end < start) { Fail("endsAt", ErrorCodes.EndsBeforeStarts, "The event cannot end before it starts."); }

        var goals = input.Goals ?? [];
        for (var i = 0; i < goals.Count; i++)
        {
            if (goals[i] is < 1 or > 10) { Fail($"goals[{i}]", ErrorCodes.OutOfRange, $"Goal {goals[i]} is not one of the strategy's goals 1–10."); }
        }
        var spokesperson = Clean(input.SpokespersonName);
        if (spokesperson?.Length > NameMaxLength) { Fail("spokespersonName", ErrorCodes.TooLong, $"The name must be at most {NameMaxLength} characters long."); }
        var outlets = CleanList(input.Outlets);
        if (outlets.Any(o => o.Length > NameMaxLength)) { Fail("outlets", ErrorCodes.TooLong, $"An outlet or channel must be at most {NameMaxLength} characters long."); }
        if (input.EstimatedReach < 0) { Fail("estimatedReach", ErrorCodes.OutOfRange, "The estimated reach cannot be negative."); }

        var links = input.CoverageLinks ?? [];
        for (var i = 0; i < links.Count; i++)
        {
            if (!IsWebAddress(links[i])) { Fail($"coverageLinks[{i}]", ErrorCodes.InvalidWebAddress, $"'{links[i]}' is not a web address (http:// or https://)."); }
        }
        var language = Clean(input.Language)?.ToLowerInvariant() ?? "lv";
        if (!Languages.Contains(language)) { Fail("language", ErrorCodes.NotOffered, "The language must be lv, en or other."); }

        values = errors.Count > 0 ? null : new MediaEventValues(
            input.StartsAt!.Value.ToUniversalTime(), input.EndsAt?.ToUniversalTime(), input.Type!.Value, title!, summary,
            [.. goals.Distinct().Order()], input.CampaignId, spokesperson, input.SpokespersonLevel, outlets,
            input.EstimatedReach, input.Tone, CleanList(links), language,
            input.CommunicatesAchievement);
        return errors;
    }

    public static bool IsWebAddress(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] CleanList(IReadOnlyList<string>? items) =>
        [.. (items ?? []).Select(Clean).OfType<string>().Distinct(StringComparer.Ordinal)];
}
