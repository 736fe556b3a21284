using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Recruiting;

/// <summary><c>GET /api/candidates?jobOpeningId=&amp;stage=&amp;page=&amp;pageSize=</c>: candidates per opening and stage, oldest application first.</summary>
public static class ListCandidatesEndpoint
{
    /// <summary>One line of the list (name joined from the personal-data store; null once erased).</summary>
    public sealed record Item(Guid Id, Guid SubjectId, Guid JobOpeningId, CandidateStage Stage, string? Name, Guid? EmployeeId, bool PersonalDataErased);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/candidates", async ([FromQuery] Guid? jobOpeningId, [FromQuery] string? stage, [AsParameters] PageQuery paging,
                IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                var wanted = QueryParameters.OneOf(stage, "stage", QueryParameters.Names<CandidateStage>());
                paging.Resolve();
                await using var session = store.QuerySession(request);
                IQueryable<Candidate> query = session.Query<Candidate>();
                if (jobOpeningId is { } opening) query = query.Where(c => c.JobOpeningId == opening);
                if (wanted is { } s) query = query.Where(c => c.Stage == s);
                var page = await query.OrderBy(c => c.Id).ToPageAsync(paging, c => c, http.RequestAborted).ConfigureAwait(false);
                var held = await PersonalValues.OfAsync(session, page.Items.Select(c => c.SubjectId), http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(new Page<Item>(
                    [.. page.Items.Select(c => new Item(c.Id, c.SubjectId, c.JobOpeningId, c.Stage, held[c.SubjectId][PersonalFields.Name], c.EmployeeId, held[c.SubjectId].Erased))],
                    page.Number, page.PageSize, page.Total));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListCandidates")
            .WithSummary("List candidates per opening and stage")
            .WithDescription("stage: Applied, Screened, Shortlisted, Interviewing, Offered, Hired, Rejected or Withdrawn; page ≥ 1, pageSize 1–200 (default 50).")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
