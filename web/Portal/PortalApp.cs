namespace StrategyPlatform.Portal;

/// <summary>Marks the portal's assembly for WebApplicationFactory in the tests.</summary>
public sealed class PortalApp;
