using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Resources;

namespace StrategyPlatform.Portal.Components.Pages.Indicators;

/// <summary>
/// The Kpi service's validation errors for one form, field by field. The service's messages are in
/// English; in Latvian a field it names gets the portal's own message (<c>{keyPrefix}.{field}</c>).
/// </summary>
/// <param name="errorId">The id of a field's <c>FieldErrors</c> element, for its input's aria-describedby.</param>
public sealed class FormMessages(IStringLocalizer<SharedResource> t, string keyPrefix, Func<string, string> errorId)
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; set; }

    public IReadOnlyList<string> For(string field) =>
        FieldErrors.For(Errors, field) is { Count: > 0 } messages
            ? IndicatorFormat.IsLatvian ? [t[$"{keyPrefix}.{field}"].Value] : messages
            : [];

    public string? Invalid(string field) => For(field).Count > 0 ? "true" : null;

    public string? DescribedBy(string field) => For(field).Count > 0 ? errorId(field) : null;
}
