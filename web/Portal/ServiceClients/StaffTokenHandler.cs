using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>
/// Adds a freshly minted, short-lived bearer token with the signed-in user's id, roles and units to every
/// call to a service. The user comes from the Blazor circuit on interactive pages (HttpContext is not
/// reliable there) and from the request on static pages; anonymous callers (public survey pages) send none.
/// </summary>
public sealed class StaffTokenHandler(StaffTokenIssuer issuer, CircuitServicesAccessor circuit, IHttpContextAccessor http) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user.Identity?.IsAuthenticated == true && user.UserId() is { } id)
        {
            var token = issuer.Issue(id, user.Identity.Name ?? id, user.FindAll(ClaimTypes.Role).Select(c => c.Value), user.Units());
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<ClaimsPrincipal> CurrentUserAsync() =>
        circuit.Services?.GetService<AuthenticationStateProvider>() is { } state
            ? (await state.GetAuthenticationStateAsync()).User
            : http.HttpContext?.User ?? new ClaimsPrincipal();
}
