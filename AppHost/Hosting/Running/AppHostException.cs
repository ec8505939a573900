namespace StrategyPlatform.AppHost.Hosting;

/// <summary>A problem the user can fix, reported as its message alone (no stack trace).</summary>
internal sealed class AppHostException(string message) : Exception(message);
