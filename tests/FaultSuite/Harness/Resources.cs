namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>The resource names of the application model (AppHost/Program.cs).</summary>
public static class Resources
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";
    public const string Surveys = "surveys";
    public const string MediaEvents = "mediaevents";
    public const string Kpi = "kpi";
    public const string Web = "web";

    public static readonly string[] All =
        [Postgres, "surveysdb", "mediadb", "kpidb", "portaldb", "messaging-epmd", Messaging, "mail", Surveys, MediaEvents, Kpi, Web];

    public static readonly string[] Services = [Surveys, MediaEvents, Kpi];

    /// <summary>What a service's own process has in its command line (its assembly), unlike the <c>dotnet run</c> that launched it.</summary>
    public static string AssemblyOf(string resource) => resource switch
    {
        Surveys => "StrategyPlatform.Surveys",
        MediaEvents => "StrategyPlatform.MediaEvents",
        Kpi => "StrategyPlatform.Kpi",
        Web => "StrategyPlatform.Portal",
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Not a .NET resource."),
    };
}
