using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BackOffice.Api.Tests.Http;

/// <summary>Signs JWTs with the test host's local key.</summary>
public static class TestTokens
{
    public static string Create(string? sub = "jwt-user", string? tenant = "demo", string[]? roles = null, string audience = "backoffice",
        string issuer = "backoffice-tests", string key = ApiFixture.JwtSigningKey, DateTime? expires = null, string? name = null,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var claims = new List<Claim>();
        if (sub is not null) claims.Add(new Claim("sub", sub));
        if (name is not null) claims.Add(new Claim("name", name));
        if (tenant is not null) claims.Add(new Claim("tenant", tenant));
        claims.AddRange((roles ?? ["clerk"]).Select(r => new Claim("role", r)));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Audience = audience,
            Issuer = issuer,
            NotBefore = (expires ?? now.AddMinutes(10)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            IssuedAt = (expires ?? now.AddMinutes(10)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });
    }
}
