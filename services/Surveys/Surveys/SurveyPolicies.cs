using Microsoft.AspNetCore.Authorization;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Surveys.Surveys;

/// <summary>Who may read survey results: those who manage surveys, and leadership (read-only).</summary>
public static class SurveyPolicies
{
    public const string ReadResults = "ReadSurveyResults";

    public static AuthorizationBuilder AddSurveyPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(ReadResults, p => p.RequireRole(StaffRoles.SurveyManager, StaffRoles.Administrator, StaffRoles.Leadership));
}
