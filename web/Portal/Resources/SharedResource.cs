namespace StrategyPlatform.Portal.Resources;

/// <summary>
/// Marker for the portal's one shared resource file: SharedResource.resx (Latvian, the default)
/// and SharedResource.en.resx (English). Inject <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource;
