using StrategyPlatform.Kpi.Catalogue;

namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// An indicator's value for a year, entered or computed. Survey-based values carry the ratings
/// counted (n), the positive ones and the 95 % Wilson interval; indicator 14 carries its monthly counts.
/// </summary>
public sealed record YearValue(
    int Year,
    decimal Value,
    ValueOrigin Origin,
    int DefinitionVersion,
    int? Counted = null,
    int? Positive = null,
    int? Responses = null,
    decimal? CiLow = null,
    decimal? CiHigh = null,
    int[]? Monthly = null)
{
    public bool HasInterval => CiLow is not null && CiHigh is not null;
}
