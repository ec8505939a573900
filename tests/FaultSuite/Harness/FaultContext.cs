namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>What every scenario on one running platform shares: the platform, its partner panel, the settling markers and the counters.</summary>
public sealed class FaultContext(FaultPlatform platform)
{
    public FaultPlatform Platform { get; } = platform;
    public Respondents Respondents { get; } = new(platform);
    public Settling Settling { get; } = new(platform);
    public Databases Databases { get; } = new(platform);
    public ResponseTally Responses => responses ??= new(Platform, Settling);
    public MediaEventTally MediaEvents { get; } = new(platform);
    private ResponseTally? responses;

    /// <summary>How long a scenario may take to settle once its fault is over before what is missing counts as lost.</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(10);

    public static string Marker(string scenario, int i) => $"{scenario}-{i:00000}-{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>One fault scenario: injects its fault into the running platform and counts the outcome in the databases.</summary>
public interface IFaultScenario
{
    string Name { get; }

    Task<ScenarioResult> RunAsync(FaultContext context, Scale scale, CancellationToken ct);
}
