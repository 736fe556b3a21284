using BackOffice.Api.Identity;
using Microsoft.Extensions.Options;

namespace BackOffice.Api.Hosting;

/// <summary>The Development keys banner.</summary>
public static class DevelopmentKeys
{
    /// <summary>In Development, prints the seeded tenants' API keys at start-up.</summary>
    public static void PrintDevelopmentKeys(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        var keys = app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Keys;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine("Development API keys (header X-Api-Key):");
            foreach (var key in keys)
                Console.WriteLine($"  tenant {key.Tenant,-6} user {key.User,-16} roles {string.Join(',', key.Roles),-12} key {key.Key}");
        });
    }
}
