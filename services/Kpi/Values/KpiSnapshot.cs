using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Status;

namespace StrategyPlatform.Kpi.Values;

public sealed record CatalogueEntry(IndicatorDefinition Definition, int Version, int SortOrder, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>
/// Everything needed to judge the indicators, read in one go: the catalogue is 21 rows and a few
/// values per year, so reading it whole keeps the status rules free of queries.
/// </summary>
public sealed class KpiSnapshot
{
    public required IReadOnlyList<CatalogueEntry> Catalogue { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<int, YearValue>> Values { get; init; }
    public required YearClock Clock { get; init; }

    public CatalogueEntry? Find(string number) => Catalogue.FirstOrDefault(e => e.Definition.Number == number);

    public IReadOnlyDictionary<int, YearValue> ValuesOf(string number) =>
        Values.TryGetValue(number, out var v) ? v : new Dictionary<int, YearValue>();

    /// <summary>The same data judged at another moment (a cached snapshot, asked about today).</summary>
    public KpiSnapshot At(DateTimeOffset now) => new() { Catalogue = Catalogue, Values = Values, Clock = new YearClock(now, Clock.LockedYears) };

    public KpiStatus StatusOf(string number, int year) => StatusRules.Judge(Find(number)!.Definition, year, ValuesOf(number), Clock);

    /// <param name="numbers">Only these indicators (a change judging what it changed), or all of them.</param>
    public static async Task<KpiSnapshot> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, DateTimeOffset now, CancellationToken ct,
        IReadOnlyCollection<string>? numbers = null)
    {
        // One round trip for the four reads; the filter is spliced in as text, the numbers stay a parameter.
        var (ofIndicators, ofValues) = numbers is null ? ("", "") : (" WHERE number = ANY(@numbers)", " AND indicator_number = ANY(@numbers)");
        await using var reads = await connection.QueryMultipleAsync(new CommandDefinition($"""
            SELECT definition::text, version, sort_order, changed_at, changed_by FROM indicators{ofIndicators} ORDER BY sort_order;
            SELECT indicator_number, year, value, definition_version FROM measurements WHERE superseded_at IS NULL{ofValues};
            SELECT indicator_number AS Number, year, value, positive, counted, responses, ci_low AS CiLow, ci_high AS CiHigh, monthly, definition_version AS DefinitionVersion
            FROM computed_values WHERE value IS NOT NULL{ofValues};
            SELECT year FROM year_locks;
            """, new { numbers = numbers?.ToArray() }, transaction: tx, cancellationToken: ct));
        var catalogue = (await reads.ReadAsync<(string Definition, int Version, int SortOrder, DateTime ChangedAt, string ChangedBy)>())
            .Select(r => new CatalogueEntry(KpiJson.Deserialize<IndicatorDefinition>(r.Definition), r.Version, r.SortOrder, new DateTimeOffset(r.ChangedAt, TimeSpan.Zero), r.ChangedBy))
            .ToList();
        var origins = catalogue.ToDictionary(e => e.Definition.Number, e => e.Definition.Origin);
        var entered = await reads.ReadAsync<(string Number, int Year, decimal Value, int DefinitionVersion)>();
        var computed = await reads.ReadAsync<ComputedRow>();
        var locked = (await reads.ReadAsync<int>()).ToHashSet();

        // An indicator's values come from its origin only, so a definition edit that switches
        // origin never mixes the two series.
        var values = entered.Where(m => origins.GetValueOrDefault(m.Number) == ValueOrigin.Entered)
            .Select(m => (m.Number, Value: new YearValue(m.Year, m.Value, ValueOrigin.Entered, m.DefinitionVersion)))
            .Concat(computed.Where(c => origins.GetValueOrDefault(c.Number) == ValueOrigin.Computed)
                .Select(c => (c.Number, Value: new YearValue(c.Year, c.Value!.Value, ValueOrigin.Computed, c.DefinitionVersion,
                    c.Counted, c.Positive, c.Responses, c.CiLow, c.CiHigh, c.Monthly))))
            .GroupBy(x => x.Number)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, YearValue>)g.ToDictionary(x => x.Value.Year, x => x.Value));
        return new KpiSnapshot { Catalogue = catalogue, Values = values, Clock = new YearClock(now, locked) };
    }

    private sealed class ComputedRow : ComputedValue
    {
        public string Number { get; set; } = "";
        public int Year { get; set; }
        public int DefinitionVersion { get; set; }
    }
}
