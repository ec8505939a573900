using Microsoft.AspNetCore.Authorization;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Portal.Surveys;

/// <summary>Who sees the survey pages: managers change them, leadership reads the list and the results.</summary>
public static class SurveyAccess
{
    /// <summary>The same roles as the Surveys service's own <c>ReadSurveyResults</c> policy.</summary>
    public const string ReadResults = "ReadSurveyResults";

    public static AuthorizationBuilder AddSurveyPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(ReadResults, p => p.RequireRole(StaffRoles.SurveyManager, StaffRoles.Administrator, StaffRoles.Leadership));
}
