using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Components.Pages.Surveys.Mailings;

/// <summary>The service refused a mailing (409) of <paramref name="Kind"/>.</summary>
public sealed record MailingRefusal(string Kind, int? IntervalDays)
{
    /// <summary>
    /// The resource key of the reason. A 409 carries no code of its own, and the portal never matches the
    /// service's English wording, so the reason is read from the state the refusal is about: a mailing not
    /// finished, an audience of nobody, or else something the page cannot see (the survey closed meanwhile, or no mail
    /// relay or portal address configured), said as such.
    /// </summary>
    public async Task<string> ReasonAsync(SurveysClient surveys, Guid surveyId)
    {
        var mailings = await surveys.MailingsAsync(surveyId);
        if (mailings.Value?.Any(m => m.FinishedAt is null) == true)
        {
            return "Mailings.Refused.StillSending";
        }
        var audience = await surveys.MailAudienceAsync(surveyId, Kind, IntervalDays);
        return audience.Value is { Count: 0 } ? "Mailings.Refused.NobodyToSend" : "Mailings.Refused.Other";
    }
}
