using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BackOffice.Client.Tests;

/// <summary>
/// The real API in process (WebApplicationFactory), against the PostgreSQL of BACKOFFICE_TEST_CONNECTION (scripts/test.sh
/// starts a throwaway one), in a schema of its own (<c>client_tests</c>): the generated clients talk to it through the
/// test server's <see cref="HttpClient"/>, with the Development keys (demo-clerk, demo-manager, demo-hr, demo-accountant).
/// </summary>
public sealed class ClientFixture : WebApplicationFactory<Program>
{
    public const string Schema = "client_tests";

    public static string Connection =>
        Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")
        ?? throw new InvalidOperationException("Set BACKOFFICE_TEST_CONNECTION (scripts/test.sh does) to a PostgreSQL connection string.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("BACKOFFICE_CONNECTION", Connection);
        builder.UseSetting("BackOffice:Schema", Schema);
        builder.UseSetting("BackOffice:Daemon", "Solo");
        builder.UseSetting("BackOffice:RateLimit:PermitLimit", "1000000");
        builder.UseSetting("BackOffice:Audit:HmacKey", "test-audit-hmac-key-for-client-tests-0123456789");
    }

    /// <summary>The test server's client sending <c>X-Api-Key: key</c>: what the generated clients are given.</summary>
    public HttpClient Http(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<ClientFixture>
{
    public const string Name = "client";
}

/// <summary>Helpers over the generated types (nothing here is generated).</summary>
public static class Generated
{
    public static string Tag() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>The one value of a response header (<c>ETag</c>, <c>Idempotency-Replayed</c>), or null.</summary>
    public static string? Header<T>(this BackOfficeResponse<T> response, string name)
        => response.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Single();

    /// <summary>Runs <paramref name="call"/>, which must fail with the generated typed exception; returns its problem body.</summary>
    public static async Task<ProblemDetails> ShouldFailWith(this Task call, int status, string code)
    {
        var exception = await Should.ThrowAsync<BackOfficeApiException<ProblemDetails>>(call);
        exception.StatusCode.ShouldBe(status, exception.Response);
        var problem = exception.Result.ShouldNotBeNull();
        problem.Status.ShouldBe(status);
        problem.Code.ShouldBe(code);
        problem.Title.ShouldNotBeNullOrEmpty();
        problem.Type.ShouldNotBeNullOrEmpty();
        return problem;
    }
}
