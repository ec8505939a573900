using StrategyPlatform.AppHost.Hosting;

namespace StrategyPlatform.TestSupport;

/// <summary>Free loopback ports for tests, picked the way the AppHost picks them (never fixed ones).</summary>
public static class TestPorts
{
    public static int Any() => FreePort.Any();
}
