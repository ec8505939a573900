using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.Portal.Surveys;

namespace Microsoft.Extensions.Hosting;

internal static class SurveyExtensions
{
    /// <summary>
    /// The survey pages: the anonymous answering client (no staff token, ever: a respondent's request must
    /// not carry a signed-in colleague's identity into the service) and the read-only results policy.
    /// </summary>
    public static void AddSurveyPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<SurveyAnsweringClient>(c => c.BaseAddress = new("https+http://surveys"));
        builder.Services.AddAuthorizationBuilder().AddSurveyPolicies();
    }
}
