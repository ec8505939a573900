namespace StrategyPlatform.ServiceDefaults.Authentication;

/// <summary>Bound from <c>Jwt</c>. The signing key comes from configuration (the AppHost generates one locally); never from code.</summary>
public sealed class StaffTokenOptions
{
    public const string Section = "Jwt";
    public string Issuer { get; set; } = "strategyplatform-portal";
    public string Audience { get; set; } = "strategyplatform-services";
    /// <summary>At least 32 bytes of secret (HMAC-SHA256).</summary>
    public string SigningKey { get; set; } = "";
    /// <summary>Short-lived: the portal mints a fresh token per call burst, so a leaked token is soon useless.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
}
