namespace StrategyPlatform.Kpi;

/// <summary>Names this assembly for <c>WebApplicationFactory</c> in tests (every service's <c>Program</c> is a global, internal type).</summary>
public sealed class KpiService;
