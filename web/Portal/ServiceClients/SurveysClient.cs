namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>Calls the Surveys service (<c>https+http://surveys</c>). The survey feature adds its methods here.</summary>
public sealed class SurveysClient(HttpClient http, ILogger<SurveysClient> logger) : ServiceClient(http, logger);
