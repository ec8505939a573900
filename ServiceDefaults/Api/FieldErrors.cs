using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace StrategyPlatform.ServiceDefaults.Api;

/// <summary>One problem with one field: a stable code (<see cref="ErrorCodes"/>) and a message in English for people reading the API.</summary>
public sealed record FieldError(string Code, string Message);

/// <summary>
/// The validation errors of one request, field by field, the same shape in every service: a 400
/// ValidationProblem whose <c>errors</c> map holds the English messages and whose <c>codes</c> map holds,
/// for the same fields in the same order, the stable codes (<see cref="ErrorCodes"/>). Pages recognise
/// a problem by its code and say it in the user's language; the wording of a message may change freely.
/// </summary>
/// <example>
/// <code>
/// { "title": "One or more validation errors occurred.", "status": 400,
///   "errors": { "answers.overall": ["This question requires an answer."] },
///   "codes":  { "answers.overall": ["required"] } }
/// </code>
/// </example>
public sealed class FieldErrors : IReadOnlyCollection<KeyValuePair<string, IReadOnlyList<FieldError>>>
{
    /// <summary>The ProblemDetails extension that carries the codes.</summary>
    public const string CodesExtension = "codes";

    private readonly Dictionary<string, List<FieldError>> fields = new(StringComparer.Ordinal);

    public int Count => fields.Count;

    public FieldErrors Add(string field, string code, string message)
    {
        if (!fields.TryGetValue(field, out var errors))
        {
            fields[field] = errors = [];
        }
        errors.Add(new FieldError(code, message));
        return this;
    }

    public FieldErrors AddRange(FieldErrors other)
    {
        foreach (var (field, errors) in other.fields)
        {
            errors.ForEach(e => Add(field, e.Code, e.Message));
        }
        return this;
    }

    public bool Has(string field) => fields.ContainsKey(field);

    /// <summary>Only the fields <paramref name="keep"/> accepts, e.g. one step's questions of a longer form.</summary>
    public FieldErrors Where(Func<string, bool> keep)
    {
        var kept = new FieldErrors();
        foreach (var (field, errors) in fields.Where(f => keep(f.Key)))
        {
            errors.ForEach(e => kept.Add(field, e.Code, e.Message));
        }
        return kept;
    }

    public IReadOnlyDictionary<string, string[]> Messages => fields.ToDictionary(f => f.Key, f => f.Value.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Codes => fields.ToDictionary(f => f.Key, f => f.Value.Select(e => e.Code).ToArray(), StringComparer.Ordinal);

    /// <summary>The field of a cell of an imported file: <c>lines[3].email</c>, with the file's own line numbers (the header is line 1).</summary>
    public static string LineField(int line, string column) => $"lines[{line}].{column}";

    /// <summary>The field of a problem with an imported file as a whole (its columns, its size).</summary>
    public const string FileField = "file";

    /// <summary>The 400 answer: messages in <c>errors</c>, codes in <c>codes</c>.</summary>
    public ValidationProblem ToProblem(string? title = null, string? detail = null) => TypedResults.ValidationProblem(
        fields.ToDictionary(f => f.Key, f => f.Value.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
        detail: detail, title: title, extensions: new Dictionary<string, object?> { [CodesExtension] = Codes });

    /// <summary>A 400 about one field.</summary>
    public static ValidationProblem Problem(string field, string code, string message, string? title = null) =>
        new FieldErrors().Add(field, code, message).ToProblem(title);

    /// <summary>
    /// For a validation problem written without codes (ASP.NET Core's own request validation, a
    /// body that could not be read), gives every field the code <see cref="ErrorCodes.Invalid"/>, so
    /// every 400 of every service has the same shape.
    /// </summary>
    public static void AddMissingCodes(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is HttpValidationProblemDetails validation && !validation.Extensions.ContainsKey(CodesExtension))
        {
            validation.Extensions[CodesExtension] = validation.Errors.ToDictionary(e => e.Key, e => e.Value.Select(_ => ErrorCodes.Invalid).ToArray());
        }
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<FieldError>>> GetEnumerator() =>
        fields.Select(f => new KeyValuePair<string, IReadOnlyList<FieldError>>(f.Key, f.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
