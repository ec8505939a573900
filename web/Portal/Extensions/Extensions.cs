using Radzen;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.AddPortalLocalization();
        builder.AddStaffAccounts();
        builder.AddServiceClients();
        builder.AddLiveIndicators();
        builder.AddSurveyPages();
        builder.AddPortalSecurity();
    }
}
