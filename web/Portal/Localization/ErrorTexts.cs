using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Localization;

/// <summary>
/// Says a service's problem in the page's language, chosen by its code (and the page's own context),
/// never by the service's English wording.
/// </summary>
public static class ErrorTexts
{
    /// <summary>
    /// The first resource found of: each of <paramref name="keys"/> followed by <c>.{code}</c>, then each
    /// of <paramref name="keys"/> as it is (a field's own text, covering every problem of that field),
    /// then the shared <c>Error.{code}</c>; a code the portal does not know yet reads as the context's
    /// <c>.invalid</c> text, else <c>Error.invalid</c>.
    /// </summary>
    /// <param name="arguments">For texts with placeholders (e.g. the number of a list item).</param>
    public static string For(IStringLocalizer<SharedResource> t, FieldProblem problem, IReadOnlyList<string> keys, params object[] arguments)
    {
        var candidates = keys.Select(k => $"{k}.{problem.Code}").Concat(keys).Append($"Error.{problem.Code}")
            .Concat(keys.Select(k => $"{k}.{FieldProblems.InvalidCode}"));
        foreach (var key in candidates)
        {
            // Without arguments the text is taken as it is: a text may quote a placeholder such as {link}, which formatting would refuse.
            if ((arguments.Length == 0 ? t[key] : t[key, arguments]) is { ResourceNotFound: false } text)
            {
                return text.Value;
            }
        }
        return t[$"Error.{FieldProblems.InvalidCode}"];
    }

    public static string For(IStringLocalizer<SharedResource> t, FieldProblem problem, params string[] keys) => For(t, problem, (IReadOnlyList<string>)keys);
}
