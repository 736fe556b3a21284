using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace BackOffice.Api.Tests.Http.Conformance;

/// <summary>An answer the served OpenAPI document does not allow: the test that received it fails with this.</summary>
public sealed class ContractViolationException(string message) : Exception(message);

/// <summary>
/// The suite-wide response-conformance check. Installed once in every test host (the fixture's and its variants), as
/// the outermost middleware: it buffers each answer, checks it against the document the same host serves
/// (<see cref="OpenApiContract"/>), and throws <see cref="ContractViolationException"/> instead of answering when it
/// does not conform. The in-memory test server hands that exception to the caller, so whichever client sent the
/// request (<c>api.As(key)</c>, <c>api.CreateClient()</c>, a variant host's client) fails its test, with a message
/// naming the route, the status and each schema error. Every violation is also kept in <see cref="Violations"/>.
/// </summary>
public sealed class ContractConformance : IStartupFilter
{
    /// <summary>The request header of a test that injects a server fault: a 500 answer to it is not checked.</summary>
    public const string InjectedFault = "X-Test-Injected-Fault";

    /// <summary>Every violation seen during the run, in order.</summary>
    public static readonly ConcurrentQueue<string> Violations = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var contract = new Lazy<Task<OpenApiContract>>(async () =>
        {
            var document = app.ApplicationServices.GetRequiredService<ISwaggerProvider>().GetSwagger("v1");
            return new OpenApiContract(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0).ConfigureAwait(false));
        });
        app.Use(async (http, nextMiddleware) =>
        {
            if (http.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal))
            {
                await nextMiddleware(http).ConfigureAwait(false);
                return;
            }
            var original = http.Features.Get<IHttpResponseBodyFeature>()!;
            using var buffer = new MemoryStream();   // read with ToArray: an endpoint may close it (a StreamWriter over the body)
            var buffered = new BufferedBody(buffer);
            http.Features.Set<IHttpResponseBodyFeature>(buffered);
            try
            {
                await nextMiddleware(http).ConfigureAwait(false);
                await buffered.CompleteAsync().ConfigureAwait(false);
            }
            finally
            {
                http.Features.Set(original);
            }
            var headers = OpenApiContract.ContractHeaders
                .Where(h => http.Response.Headers.ContainsKey(h))
                .ToDictionary(h => h, h => http.Response.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
            var mediaType = http.Response.ContentType is { Length: > 0 } type ? type.Split(';')[0].Trim() : null;
            // A test that injects a server fault (a failing trigger, a crash) says so: its 500 is the fault, not the contract's.
            if (http.Response.StatusCode == 500 && http.Request.Headers.ContainsKey(InjectedFault))
            {
                await original.Stream.WriteAsync(buffer.ToArray(), http.RequestAborted).ConfigureAwait(false);
                return;
            }
            var errors = (await contract.Value.ConfigureAwait(false))
                .Check(http.Request.Method, http.Request.Path.Value ?? "/", http.Response.StatusCode, mediaType, headers, buffer.ToArray());
            if (errors.Count > 0)
            {
                foreach (var error in errors) Violations.Enqueue(error);
                throw new ContractViolationException("The answer does not conform to the served OpenAPI document:\n  " + string.Join("\n  ", errors));
            }
            await original.Stream.WriteAsync(buffer.ToArray(), http.RequestAborted).ConfigureAwait(false);
        });
        next(app);
    };

    /// <summary>A response body that stays in memory until the check has run.</summary>
    private sealed class BufferedBody(MemoryStream buffer) : IHttpResponseBodyFeature
    {
        private PipeWriter? writer;

        public Stream Stream => buffer;

        public PipeWriter Writer => writer ??= PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));

        public async Task CompleteAsync()
        {
            if (writer is not null) await writer.FlushAsync().ConfigureAwait(false);
        }

        public void DisableBuffering()
        {
        }

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await using var file = File.OpenRead(path);
            file.Seek(offset, SeekOrigin.Begin);
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
