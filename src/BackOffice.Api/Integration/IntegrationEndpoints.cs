using Microsoft.Extensions.Options;

namespace BackOffice.Api.Integration;

/// <summary>Maps the integration routes (change feed, webhooks) and registers the delivery worker.</summary>
public static class IntegrationEndpoints
{
    /// <summary>Maps every integration route.</summary>
    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Integration");
        ListChangesEndpoint.Map(group);
        RegisterWebhookEndpoint.Map(group);
        WebhookReadEndpoints.Map(group);
        WebhookCommandEndpoints.Map(group);
        return app;
    }

    /// <summary>Webhook settings, secrets, the HTTP client of deliveries (no redirects, 10 s) and the delivery worker.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookSecrets>();
        services.AddHttpClient(WebhookDispatcher.ClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,   // a 3xx is a failure: a redirect could lead anywhere, past the allow-list
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();   // its loggers would write every target URL at Information
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
