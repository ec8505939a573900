namespace StrategyPlatform.Benchmarks;

/// <summary>What to measure and how much (<c>scripts/benchmark.sh --help</c>).</summary>
internal sealed record BenchmarkOptions
{
    /// <summary>Responses per saturation run; the issue asks for at least 20,000 (or 60 s).</summary>
    public int Responses { get; init; } = 20_000;
    public int Concurrency { get; init; } = 16;
    /// <summary>Saturation runs per system, alternating platform and baseline; the median is reported.</summary>
    public int Rounds { get; init; } = 3;
    public TimeSpan FreshnessDuration { get; init; } = TimeSpan.FromSeconds(20);
    public int SeedResponses { get; init; } = 1_000_000;
    public int SeedMediaEvents { get; init; } = 100_000;
    public int Sessions { get; init; } = 50;
    public int DashboardChanges { get; init; } = 10;
    /// <summary>Surveys the responses are spread over, so each one's answers are few at a time and freshness is matched per response.</summary>
    public int Surveys { get; init; } = 64;
    public string Output { get; init; } = "TestResults";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--quick" => options with
                {
                    Responses = 2_000, Rounds = 1, FreshnessDuration = TimeSpan.FromSeconds(5), SeedResponses = 100_000, SeedMediaEvents = 10_000,
                    Sessions = 5, DashboardChanges = 3,
                },
                "--responses" => options with { Responses = int.Parse(Next()) },
                "--concurrency" => options with { Concurrency = int.Parse(Next()) },
                "--rounds" => options with { Rounds = int.Parse(Next()) },
                "--freshness-seconds" => options with { FreshnessDuration = TimeSpan.FromSeconds(double.Parse(Next())) },
                "--seed-responses" => options with { SeedResponses = int.Parse(Next()) },
                "--seed-media-events" => options with { SeedMediaEvents = int.Parse(Next()) },
                "--sessions" => options with { Sessions = int.Parse(Next()) },
                "--output" => options with { Output = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }
}
