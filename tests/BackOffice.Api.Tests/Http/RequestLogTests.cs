using System.Collections.Concurrent;
using BackOffice.Api.Tests.Inventory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOffice.Api.Tests.Http;

[Collection(ApiCollection.Name)]
public class RequestLogTests(ApiFixture api)
{
    [Fact]
    public async Task Each_request_is_logged_with_correlation_tenant_and_user_and_without_body_or_credentials()
    {
        var logs = new CapturingLoggerProvider();
        using var host = api.Variant(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-clerk");
        var id = await client.Register();
        await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 2 }, h => h.Add("X-Correlation-Id", "log-corr-1"));
        await client.PostJson($"/api/supply-items/{id}/issues", new { quantity = 1, purpose = "confidential-purpose-text" }, h => h.Add("X-Correlation-Id", "log-corr-2"));

        var requestLogs = logs.Entries.Where(e => e.Category.Contains("HttpLogging", StringComparison.Ordinal)).ToList();
        var receipt = requestLogs.Single(e => Equals(e.Scope.GetValueOrDefault("CorrelationId"), "log-corr-1"));
        receipt.Scope["Tenant"].ShouldBe("demo");
        receipt.Scope["User"].ShouldBe("demo-clerk");
        receipt.Message.ShouldContain("/receipts");
        receipt.Message.ShouldContain("200");
        foreach (var entry in logs.Entries)
        {
            entry.Message.ShouldNotContain("confidential-purpose-text");
            entry.Message.ShouldNotContain("X-Api-Key", Case.Insensitive);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Category, string Message, Dictionary<string, object?> Scope)> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                owner.scopes.ForEachScope((value, bag) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object>> pairs)
                        foreach (var (k, v) in pairs) bag[k] = v;
                }, scope);
                owner.Entries.Enqueue((category, formatter(state, exception), scope));
            }
        }
    }
}
