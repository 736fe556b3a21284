using BackOffice.Api.Identity;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.PersonalData;

/// <summary><c>GET /api/personal-data/{subjectId}</c>: the subject-access request — everything held and the streams that refer to the subject.</summary>
public static class GetPersonalDataEndpoint
{
    /// <summary>A stream that refers to the subject.</summary>
    public sealed record StreamView(Guid StreamId, string StreamType);

    /// <summary>What the tenant holds about a subject; after erasure every field is null and <c>personalDataErased</c> true.</summary>
    public sealed record PersonalDataView(
        Guid SubjectId, bool PersonalDataErased, DateTimeOffset? ErasedAt, IReadOnlyDictionary<string, string?> Fields, IReadOnlyList<StreamView> Streams);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/personal-data/{subjectId:guid}", async (Guid subjectId, IDocumentStore store, IPersonalDataStore personalData, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return await LoadAsync(session, personalData, subjectId, http.RequestAborted).ConfigureAwait(false) is { } view
                    ? TypedResults.Ok(view)
                    : Problem.Result(Domain.Common.ErrorCodes.NotFound, $"Nothing is held about subject {subjectId}.");
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("GetPersonalData")
            .WithSummary("Subject-access request: everything held about a person")
            .Produces<PersonalDataView>()
            .ProducesReadProblems();

    /// <summary>What the session's tenant holds about the subject, or null when nothing (the API route and the console read it here).</summary>
    internal static async Task<PersonalDataView?> LoadAsync(IQuerySession session, IPersonalDataStore personalData, Guid subjectId, CancellationToken cancellation)
    {
        var record = await personalData.GetAsync(session, subjectId, cancellation).ConfigureAwait(false);
        var streams = await personalData.StreamsAsync(session, subjectId, cancellation).ConfigureAwait(false);
        if (record is null && streams.Count == 0) return null;
        return new PersonalDataView(subjectId, record?.Erased ?? false, record?.ErasedAt,
            record?.Fields ?? new Dictionary<string, string?>(), [.. streams.Select(s => new StreamView(s.StreamId, s.StreamType))]);
    }
}
