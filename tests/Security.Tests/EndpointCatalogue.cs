using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace StrategyPlatform.Security.Tests;

/// <summary>
/// One HTTP endpoint of a running app, read from its own <see cref="EndpointDataSource"/>, with who it
/// admits as its metadata declares it: <c>public</c> (AllowAnonymous), <c>staff</c> (any signed-in staff
/// member), the roles a policy requires, or <c>UNDECLARED</c> when it says nothing (which the matrix fails).
/// </summary>
public sealed record AppEndpoint(string App, string Method, RoutePattern Pattern, string Access, Endpoint Endpoint)
{
    public string Route => "/" + Pattern.RawText!.Trim('/');

    public string Declaration => $"{App} {Method} {Route} -> {Access}";

    public IReadOnlySet<string> AdmittedRoles => Access.StartsWith("roles:", StringComparison.Ordinal)
        ? Access["roles:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : new HashSet<string>();

    public bool IsPage => Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;

    /// <summary>The parameters the handler binds (name, type, where from), for the hostile corpus.</summary>
    public IReadOnlyList<IParameterBindingMetadata> Parameters => Endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>();

    public bool TakesBody => Method is "POST" or "PUT" or "PATCH"
        && Parameters.Any(p => p.ParameterInfo.ParameterType == typeof(HttpRequest) || p.ParameterInfo.ParameterType == typeof(IFormFile)
            || p.ParameterInfo.GetCustomAttributes(true).OfType<IFromBodyMetadata>().Any()
            || Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null);

    /// <summary>The address with a harmless value in every parameter: an id nobody has, a year outside the strategy.</summary>
    public string SampleUrl(Func<string, string?>? value = null) => Url(Pattern, name => value?.Invoke(name) ?? Sample(name, Pattern));

    public static string Url(RoutePattern pattern, Func<string, string> value)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => value(parameter.Name),
                    _ => "",
                });
            }
        }
        return url.ToString();
    }

    private static string Sample(string name, RoutePattern pattern)
    {
        var regex = pattern.GetParameter(name)!.ParameterPolicies.Select(p => p.Content ?? "").FirstOrDefault(c => c.StartsWith("regex(", StringComparison.Ordinal));
        if (regex is not null)
        {
            return Regex.Match(regex, @"\(\^?\(?([a-z]+)").Groups[1].Value;
        }
        return name.ToLowerInvariant() switch
        {
            "id" or "surveyid" or "organisationid" or "mailingid" => "5f2c3c4e-0d4b-4a1e-9a53-2d6f0e8f1a77",
            "kind" => "Invitation",
            "token" => "NoSuchLinkNoSuchLinkNoSuchLinkNoSuchLink123",
            "year" => "2099",
            "month" => "1",
            "number" => "99z",
            "code" => (pattern.GetParameter(name)!.ParameterPolicies.Any(p => p.Content == "int")) ? "404" : "no-such-activity",
            "documentname" => "v1",
            _ => "x",
        };
    }

    /// <summary>Every route endpoint of the app, one per HTTP method, with its declared access.</summary>
    public static async Task<IReadOnlyList<AppEndpoint>> ReadAsync(string app, IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var found = new List<AppEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var access = await AccessAsync(endpoint, policies);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            found.AddRange(methods.Select(m => new AppEndpoint(app, m, endpoint.RoutePattern, access, endpoint)));
        }
        return [.. found.DistinctBy(e => e.Declaration).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private static async Task<string> AccessAsync(Endpoint endpoint, IAuthorizationPolicyProvider provider)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "public";
        }
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var inline = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
        if (data.Count == 0 && inline.Count == 0)
        {
            return "UNDECLARED";
        }
        var policy = (await AuthorizationPolicy.CombineAsync(provider, data, inline))!;
        var roles = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
            .Select(r => r.AllowedRoles.ToHashSet()).Aggregate((HashSet<string>?)null, (all, next) => all is null ? next : [.. all.Intersect(next)]);
        var other = policy.Requirements.Where(r => r is not Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement
            and not Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement).ToList();
        if (other.Count > 0)
        {
            return $"UNDECLARED (requirements the matrix cannot read: {string.Join(", ", other.Select(o => o.GetType().Name))})";
        }
        return roles is null ? "staff" : "roles: " + string.Join(" ", roles.Order(StringComparer.Ordinal));
    }
}
