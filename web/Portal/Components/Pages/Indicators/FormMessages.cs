using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Localization;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Components.Pages.Indicators;

/// <summary>
/// The Kpi service's validation errors for one form, field by field, by their codes in the page's
/// language: <c>{keyPrefix}.{field}.{code}</c>, else the field's own text <c>{keyPrefix}.{field}</c>,
/// else the shared text of the code.
/// </summary>
/// <param name="errorId">The id of a field's <c>FieldErrors</c> element, for its input's aria-describedby.</param>
public sealed class FormMessages(IStringLocalizer<SharedResource> t, string keyPrefix, Func<string, string> errorId)
{
    public FieldProblems? Errors { get; set; }

    public IReadOnlyList<string> For(string field) =>
        [.. FieldErrors.For(Errors, field).Select(p => ErrorTexts.For(t, p, $"{keyPrefix}.{field}")).Distinct()];

    public string? Invalid(string field) => For(field).Count > 0 ? "true" : null;

    public string? DescribedBy(string field) => For(field).Count > 0 ? errorId(field) : null;
}
