using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace StrategyPlatform.Surveys.Answering;

public enum LinkProblem
{
    Unknown,
    Used,
    NotYetOpen,
    Expired,
    Closed,
}

/// <summary>
/// Why a link cannot be answered, as a ProblemDetails whose <c>type</c> the answering page maps to
/// a polite message in the respondent's language. Nothing is recorded when one is returned.
/// </summary>
public static class LinkProblems
{
    public const string TypePrefix = "https://strategyplatform.lm.gov.lv/problems/survey-link-";

    public static string TypeOf(LinkProblem problem) => TypePrefix + problem switch
    {
        LinkProblem.NotYetOpen => "not-yet-open",
        _ => problem.ToString().ToLowerInvariant(),
    };

    public static ProblemHttpResult Result(LinkProblem problem) => TypedResults.Problem(
        type: TypeOf(problem),
        statusCode: problem switch
        {
            LinkProblem.Unknown => StatusCodes.Status404NotFound,
            LinkProblem.Used => StatusCodes.Status409Conflict,
            LinkProblem.NotYetOpen => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status410Gone,
        },
        title: problem switch
        {
            LinkProblem.Unknown => "This survey link is not known.",
            LinkProblem.Used => "This survey link has already been used to submit answers.",
            LinkProblem.NotYetOpen => "This survey is not open yet.",
            LinkProblem.Expired => "The answering period of this survey has ended.",
            _ => "This survey is closed.",
        });
}
