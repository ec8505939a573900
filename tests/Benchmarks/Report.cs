namespace StrategyPlatform.Benchmarks;

/// <summary>The figures as a Markdown table, ready to paste into the README with the machine they came from.</summary>
internal sealed class Report
{
    private readonly List<(string Scenario, string Measure, string Value)> rows = [];

    public void Add(string scenario, string measure, string value) => rows.Add((scenario, measure, value));

    public void AddPercentiles(string scenario, double[] milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Add(scenario, "p50 / p95 / p99 / max", $"{At(0.50):0} / {At(0.95):0} / {At(0.99):0} / {sorted[^1]:0} ms");
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        output.WriteLine();
        output.WriteLine("| scenario | measure | value |");
        output.WriteLine("| --- | --- | --- |");
        foreach (var (scenario, measure, value) in rows)
        {
            output.WriteLine($"| {scenario} | {measure} | {value} |");
        }
    }
}
