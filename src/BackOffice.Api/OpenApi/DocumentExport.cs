using Microsoft.AspNetCore.Hosting.Builder;
using Microsoft.AspNetCore.Http.Features;

namespace BackOffice.Api.OpenApi;

/// <summary>
/// <c>dotnet BackOffice.Api.dll --BackOffice:OpenApi:ExportTo=&lt;file&gt;</c> writes the OpenAPI document the API
/// serves and exits: a <c>GET /swagger/v1/swagger.json</c> is sent through the app's own middleware pipeline, wired as
/// the web host wires it (routing, the app's middleware, the endpoints), in process — no server is started and no
/// hosted service runs, so no database is needed. The generated-client tests build their client from this file at
/// build time (ADR 21), and check that it equals what their test host serves.
/// </summary>
public static class DocumentExport
{
    /// <summary>The setting naming the file to write.</summary>
    public const string Setting = "BackOffice:OpenApi:ExportTo";

    /// <summary>The served document's path.</summary>
    public const string DocumentPath = "/swagger/v1/swagger.json";

    // WebApplication.GlobalEndpointRouteBuilderKey: UseRouting matches the app's own endpoints when it finds the app there.
    private const string GlobalEndpointRouteBuilderKey = "__GlobalEndpointRouteBuilder";

    /// <summary>When <see cref="Setting"/> is set, writes the served document there and returns true (the caller exits).</summary>
    public static async Task<bool> ExportIfAskedAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var path = app.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(path)) return false;

        // The pipeline as the web host builds it (GenericWebHostService, WebApplicationBuilder.ConfigureApplication): the
        // startup filters around routing (with the app as the global route builder), the app's own middleware, then
        // the endpoints.
        IApplicationBuilder source = app;
        var outer = app.Services.GetRequiredService<IApplicationBuilderFactory>().CreateBuilder(new FeatureCollection());
        outer.Properties[GlobalEndpointRouteBuilderKey] = app;
        Action<IApplicationBuilder> configure = builder =>
        {
            builder.UseRouting();
            builder.Use(next =>
            {
                source.Run(next);
                return source.Build();
            });
            builder.UseEndpoints(_ => { });
        };
        foreach (var filter in app.Services.GetServices<IStartupFilter>().Reverse()) configure = filter.Configure(configure);
        configure(outer);
        var pipeline = outer.Build();

        var body = new MemoryStream();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = "http",
            Protocol = "HTTP/1.1",
            Path = DocumentPath,
            Headers = new HeaderDictionary { ["Host"] = "localhost", ["Accept"] = "application/json" },
        });
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        var contexts = app.Services.GetRequiredService<IHttpContextFactory>();
        var context = contexts.Create(features);
        int status;
        try
        {
            await pipeline(context).ConfigureAwait(false);
            await context.Response.CompleteAsync().ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        finally
        {
            contexts.Dispose(context);
        }
        if (status != StatusCodes.Status200OK)
            throw new InvalidOperationException($"GET {DocumentPath} answered {status}: {System.Text.Encoding.UTF8.GetString(body.ToArray())}");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(path, body.ToArray()).ConfigureAwait(false);
        return true;
    }
}
