using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>One problem with one field, as a service's 400 names it: a stable code and the service's English message.</summary>
public sealed record FieldProblem(string Code, string Message);

/// <summary>
/// A service's 400. Every service answers the same shape: <c>errors</c> (English messages) and
/// <c>codes</c> (stable codes, ServiceDefaults' <c>ErrorCodes</c>) field by field. Pages recognise a
/// problem by its field and code and say it in the page's language (<c>Localization.ErrorTexts</c>);
/// the service's wording is never matched.
/// </summary>
public sealed partial class FieldProblems(IReadOnlyDictionary<string, IReadOnlyList<FieldProblem>> fields)
    : IReadOnlyDictionary<string, IReadOnlyList<FieldProblem>>
{
    public const string InvalidCode = "invalid";

    /// <summary>A problem the portal found itself (e.g. a file too large to send).</summary>
    public static FieldProblems Of(string field, string code) => new(new Dictionary<string, IReadOnlyList<FieldProblem>> { [field] = [new(code, "")] });

    /// <summary>Reads a 400 body; a field the service gave no code gets <see cref="InvalidCode"/>.</summary>
    public static FieldProblems Read(JsonElement problem)
    {
        var fields = new Dictionary<string, IReadOnlyList<FieldProblem>>(StringComparer.Ordinal);
        if (problem.ValueKind != JsonValueKind.Object || !problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return new(fields);
        }
        var codes = problem.TryGetProperty("codes", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        foreach (var field in errors.EnumerateObject())
        {
            var messages = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToList() : [];
            var fieldCodes = codes.ValueKind == JsonValueKind.Object && codes.TryGetProperty(field.Name, out var fc) && fc.ValueKind == JsonValueKind.Array
                ? fc.EnumerateArray().Select(x => x.GetString() ?? InvalidCode).ToList() : [];
            fields[field.Name] = [.. messages.Select((m, i) => new FieldProblem(i < fieldCodes.Count ? fieldCodes[i] : InvalidCode, m))];
        }
        return new(fields);
    }

    public IReadOnlyList<FieldProblem> this[string key] => fields[key];

    public IEnumerable<string> Keys => fields.Keys;

    public IEnumerable<IReadOnlyList<FieldProblem>> Values => fields.Values;

    public int Count => fields.Count;

    public bool ContainsKey(string key) => fields.ContainsKey(key);

    public bool TryGetValue(string key, out IReadOnlyList<FieldProblem> value) => fields.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, IReadOnlyList<FieldProblem>>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The problems of <paramref name="field"/>, whatever the case the service used for its name.</summary>
    public IReadOnlyList<FieldProblem> For(string field) =>
        [.. fields.Where(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(f => f.Value)];

    /// <summary>
    /// An import's problems by the cell at fault: the services name a cell <c>lines[3].email</c> (the
    /// file's own line numbers, the header is line 1) and the file as a whole <c>file</c> (line null).
    /// </summary>
    public IEnumerable<(int? Line, string Column, FieldProblem Problem)> Cells() =>
        fields.SelectMany(f => CellName().Match(f.Key) is { Success: true } cell
            ? f.Value.Select(p => ((int?)int.Parse(cell.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), cell.Groups[2].Value, p))
            : f.Value.Select(p => ((int?)null, f.Key, p)))
        .OrderBy(c => c.Item1 ?? 0);

    [GeneratedRegex(@"^lines\[(\d+)\]\.(.+)$")]
    private static partial Regex CellName();
}
