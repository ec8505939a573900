using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Components.Pages.Answer;

/// <summary>
/// The HTTP status of the polite page for a link that cannot be answered, so browsers, proxies, link
/// checkers and monitoring see what a person reads.
/// </summary>
/// <remarks>
/// A used link is 410 Gone when opened: a single-use link is spent for good, and nothing about
/// opening it conflicts with anything. A form sent from a link that was used meanwhile (a second
/// tab, a second person) is 409 Conflict: that request conflicts with the link's state, as the
/// service's own answer says. Unknown is 404; expired or closed is 410 (it will not come back);
/// not yet open is 403 (it exists, it may not be answered yet); the service down is 503.
/// </remarks>
public static class LinkStatus
{
    /// <summary>
    /// Gives the response the status of <paramref name="problem"/>, with the page's own polite text. Set as
    /// the response starts, not while rendering: Blazor writes nothing for a page whose status changed while
    /// rendering when status-code pages are on, and the portal's generic "page not found" would show instead.
    /// </summary>
    public static void Apply(HttpContext context, LinkProblem problem)
    {
        if (problem == LinkProblem.None)
        {
            return;
        }
        var status = Of(problem, posting: HttpMethods.IsPost(context.Request.Method));
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }

    public static int Of(LinkProblem problem, bool posting) => problem switch
    {
        LinkProblem.None => StatusCodes.Status200OK,
        LinkProblem.Unknown => StatusCodes.Status404NotFound,
        LinkProblem.Used => posting ? StatusCodes.Status409Conflict : StatusCodes.Status410Gone,
        LinkProblem.NotYetOpen => StatusCodes.Status403Forbidden,
        LinkProblem.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status410Gone,
    };
}
