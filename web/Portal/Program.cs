using StrategyPlatform.Portal.Accounts;
using StrategyPlatform.Portal.Components;
using StrategyPlatform.Portal.Localization;

var builder = WebApplication.CreateBuilder(args);
// The stylesheets and blazor.web.js of a build (dotnet run, the AppHost) are found through its static web assets
// manifest, which ASP.NET reads only in Development: without this, AppHost__Environment=Production served the portal
// unstyled and never interactive. A published app has no such manifest and serves its wwwroot as before.
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
// Registered after the defaults so they run first: people get a page in their language, never a stack trace or JSON.
app.UseExceptionHandler("/error", createScopeForErrors: true);
// A page is re-executed only for what a browser navigates to; a refused post (a stale form, a rate limit) keeps ProblemDetails,
// since re-executing a post runs the status page's form handling instead of showing it.
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
// A page is re-executed only for what a browser navigates to (GET); a refused post (a stale form, a rate limit) keeps
// its ProblemDetails, since re-executing a post would run the status page's form handling instead of showing it.
app.Use((context, next) =>
{
    if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
    {
        pages.Enabled = false;
    }
    return next(context);
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UsePortalSecurity();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapCultureEndpoints();
app.MapAccountEndpoints();
app.MapMediaEventsExport();
app.MapReviewWorkbook();
app.MapSurveyExports();
app.MapAuditExport();
// The portal's own Content-Security-Policy says frame-ancestors 'none'; Blazor's default header (frame-ancestors 'self') would be a second policy.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();
