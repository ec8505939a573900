using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyPlatform.Benchmarks;

/// <summary>Everything <c>TestResults/benchmark.json</c> holds (issue 13's fields, snake_case), and the table printed from it.</summary>
internal sealed class Results
{
    public double? SubmissionsPerS { get; set; }
    public double? BaselineSubmissionsPerS { get; set; }
    public double? SubmissionsRatio { get; set; }
    public double? EndToEndPerS { get; set; }
    public double? BaselineEndToEndPerS { get; set; }
    public double? EndToEndRatio { get; set; }
    public double? SubmitP99Ms { get; set; }
    public double? BaselineSubmitP99Ms { get; set; }
    public double? FreshnessP50Ms { get; set; }
    public double? FreshnessP99Ms { get; set; }
    public double? FreshnessSaturationP99Ms { get; set; }
    public double? BaselineFreshnessP50Ms { get; set; }
    public double? BaselineFreshnessP99Ms { get; set; }
    public double? HalfLoadPerS { get; set; }
    public double? CpuMsPerResponse { get; set; }
    public double? BaselineCpuMsPerResponse { get; set; }
    public double? OverviewP95Ms { get; set; }
    public double? OverviewRawP95Ms { get; set; }
    public double? OverviewSpeedup { get; set; }
    public double? DashboardUpdateP95Ms { get; set; }
    public int? DashboardSessions { get; set; }
    public Dictionary<string, double?> RssMb { get; set; } = [];
    public List<RoundFigures> Rounds { get; set; } = [];
    public Dictionary<string, object> Setup { get; set; } = [];

    /// <summary>Field → why it holds no figure (its phase failed or measured nothing): null is never a figure.</summary>
    public Dictionary<string, string> NotMeasured { get; set; } = [];

    /// <summary>A measured number, or null for none (no samples give NaN, a zero baseline an infinite ratio).</summary>
    public static double? Known(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    public sealed record RoundFigures(int Round, string System, int Responses, double? AcceptedPerS, double? CountedPerS, double? SubmitP50Ms, double? SubmitP99Ms, double? FreshnessP99Ms, double? CpuMsPerResponse);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "benchmark.json"), JsonSerializer.Serialize(this, Json));
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    public void Print(TextWriter output)
    {
        static string N(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
        static string Check(bool met, params double?[] inputs) => inputs.Any(i => i is null) ? "not measured" : met ? "met" : "**missed**";
        var rows = new List<(string What, string Value, string Target)>
        {
            ("accepted responses/s (platform / baseline)", $"{N(SubmissionsPerS, "0")} / {N(BaselineSubmissionsPerS, "0")}",
                $"≥ 1,000 and ≥ 0.8×: {Check(SubmissionsPerS >= 1000 && SubmissionsRatio >= 0.8, SubmissionsPerS, SubmissionsRatio)}"),
            ("submissions_ratio", $"{N(SubmissionsRatio, "0.00")}×", "≥ 0.8× (aim > 1.0×)"),
            ("counted responses/s end to end (platform / baseline)", $"{N(EndToEndPerS, "0")} / {N(BaselineEndToEndPerS, "0")}", ""),
            ("end_to_end_ratio", $"{N(EndToEndRatio, "0.00")}×", $"≥ 0.8×: {Check(EndToEndRatio >= 0.8, EndToEndRatio)}"),
            ("submit p99 at saturation (platform / baseline)", $"{N(SubmitP99Ms, "0")} / {N(BaselineSubmitP99Ms, "0")} ms", $"< 100 ms: {Check(SubmitP99Ms < 100, SubmitP99Ms)}"),
            ($"freshness p50 / p99 at half load ({N(HalfLoadPerS, "0")}/s)", $"{N(FreshnessP50Ms, "0")} / {N(FreshnessP99Ms, "0")} ms", $"p99 < 100 ms: {Check(FreshnessP99Ms < 100, FreshnessP99Ms)}"),
            ("freshness p99 at saturation", $"{N(FreshnessSaturationP99Ms, "0")} ms", $"< 1,000 ms: {Check(FreshnessSaturationP99Ms < 1000, FreshnessSaturationP99Ms)}"),
            ("baseline freshness p50 / p99 at its half load", $"{N(BaselineFreshnessP50Ms, "0")} / {N(BaselineFreshnessP99Ms, "0")} ms", ""),
            ("CPU per counted response, all processes (platform / baseline)", $"{N(CpuMsPerResponse, "0.00")} / {N(BaselineCpuMsPerResponse, "0.00")} ms", ""),
            ("overview p95 (API) / raw SQL aggregate p95", $"{N(OverviewP95Ms, "0.0")} / {N(OverviewRawP95Ms, "0")} ms ({N(OverviewSpeedup, "0.0")}×)",
                $"< 20 ms and ≥ 10×: {Check(OverviewP95Ms < 20 && OverviewSpeedup >= 10, OverviewP95Ms, OverviewSpeedup)}"),
            ($"dashboard update p95, {DashboardSessions} sessions", $"{N(DashboardUpdateP95Ms, "0")} ms", $"< 2,000 ms: {Check(DashboardUpdateP95Ms < 2000, DashboardUpdateP95Ms)}"),
        };
        rows.AddRange(RssMb.Select(r => ($"peak RSS {r.Key}", $"{N(r.Value, "0")} MB",
            r.Key.StartsWith("baseline", StringComparison.Ordinal) ? "" : $"< {(r.Key == "web" ? 400 : 200)} MB: {Check(r.Value < (r.Key == "web" ? 400 : 200), r.Value)}")));
        output.WriteLine($"Machine: {Machine()}");
        output.WriteLine();
        output.WriteLine("| measure | value | target |");
        output.WriteLine("| --- | --- | --- |");
        foreach (var (what, value, target) in rows)
        {
            output.WriteLine($"| {what} | {value} | {target} |");
        }
        output.WriteLine();
        output.WriteLine("| round | system | responses | accepted/s | counted/s | submit p50 / p99 ms | freshness p99 ms | CPU ms/response |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in Rounds)
        {
            output.WriteLine($"| {r.Round} | {r.System} | {r.Responses} | {N(r.AcceptedPerS, "0")} | {N(r.CountedPerS, "0")} | {N(r.SubmitP50Ms, "0")} / {N(r.SubmitP99Ms, "0")} | {N(r.FreshnessP99Ms, "0")} | {N(r.CpuMsPerResponse, "0.00")} |");
        }
        foreach (var (field, reason) in NotMeasured)
        {
            output.WriteLine($"Not measured: {field}: {reason}");
        }
    }
}
