using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StrategyPlatform.ServiceDefaults.Authentication;

/// <summary>Mints the short-lived bearer token the portal sends to the services on a staff user's behalf.</summary>
public sealed class StaffTokenIssuer(IOptions<StaffTokenOptions> options, TimeProvider clock)
{
    public string Issue(string userId, string name, IEnumerable<string> roles, IEnumerable<string> units)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, userId), new(JwtRegisteredClaimNames.Name, name) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(units.Select(unit => new Claim(StaffClaims.Unit, unit)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.Lifetime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
    }

    internal static SymmetricSecurityKey SigningKey(StaffTokenOptions settings)
    {
        var bytes = Encoding.UTF8.GetBytes(settings.SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Jwt:SigningKey must be set to a secret of at least 32 bytes (the AppHost generates one for a local run).");
        }
        return new SymmetricSecurityKey(bytes);
    }
}
