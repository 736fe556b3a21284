using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>GET /api/candidates/{id}[?asOf=instant]</c>: the candidate's stage, interviews and offer (from the inline
/// snapshot) with the personal fields joined from the personal-data store at read time; after erasure those are null
/// and <c>personalDataErased</c> is true. Free text about the person (résumé, screening notes) and the offer are
/// served to hr only; an interview's feedback notes to hr and that interview's interviewers; every other caller gets
/// <c>null</c> in their place (see <see cref="CandidateReadAccess"/>).
/// </summary>
public static class GetCandidateEndpoint
{
    /// <summary>A candidate.</summary>
    /// <param name="Id">Candidate id.</param>
    /// <param name="SubjectId">The person in the personal-data store.</param>
    /// <param name="JobOpeningId">The opening applied to.</param>
    /// <param name="Stage">Applied, Screened, Shortlisted, Interviewing, Offered, Hired, Rejected or Withdrawn.</param>
    /// <param name="Name">Full name (null once erased).</param>
    /// <param name="Email">E-mail (null once erased).</param>
    /// <param name="Phone">Phone (null when not given or erased).</param>
    /// <param name="Resume">Résumé text (hr only; null when not given, erased or not yours to read).</param>
    /// <param name="ScreeningNotes">Screening notes (hr only; null when none, erased or not yours to read).</param>
    /// <param name="Interviews">Interviews in the order they were scheduled.</param>
    /// <param name="Offer">The offer, once extended (hr only: null for every other role).</param>
    /// <param name="EmployeeId">The employee the candidate became, once hired.</param>
    /// <param name="PersonalDataErased">Whether the person's data was erased.</param>
    /// <param name="Version">Stream version.</param>
    public sealed record CandidateView(
        Guid Id, Guid SubjectId, Guid JobOpeningId, CandidateStage Stage, string? Name, string? Email, string? Phone, string? Resume,
        string? ScreeningNotes, IReadOnlyList<InterviewView> Interviews, OfferView? Offer, Guid? EmployeeId, bool PersonalDataErased, long Version);

    /// <summary>An interview.</summary>
    public sealed record InterviewView(Guid InterviewId, DateTimeOffset At, IReadOnlyList<string> Interviewers, string Location, InterviewStatus Status, IReadOnlyList<FeedbackView> Feedback);

    /// <summary>One interviewer's feedback (notes: hr and the interview's interviewers only; null when none or erased).</summary>
    public sealed record FeedbackView(string Interviewer, int Score, Recommendation Recommendation, string? Notes);

    /// <summary>The offer (<c>status</c>: Extended, Accepted, Declined, or Expired for an extended offer past its expiry day).</summary>
    public sealed record OfferView(decimal Salary, DateOnly StartDate, DateOnly ExpiresOn, string Status);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/candidates/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request,
                TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<Candidate>(session, id, asOf, Candidate.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Candidate", id, asOf);
                var held = await PersonalValues.OfAsync(session, found.State.SubjectId, http.RequestAborted).ConfigureAwait(false);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return TypedResults.Ok(From(found.State, found.Version, held, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), CandidateReadAccess.Of(request)));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetCandidate")
            .WithSummary("Get a candidate, now or as of an instant")
            .Produces<CandidateView>()
            .ProducesReadProblems();

    internal static CandidateView From(Candidate c, long version, PersonalValues.Held held, DateOnly today, CandidateReadAccess access) => new(
        c.Id, c.SubjectId, c.JobOpeningId, c.Stage, held[PersonalFields.Name], held[PersonalFields.Email], held[PersonalFields.Phone],
        access.FreeText ? held[PersonalFields.Resume] : null, access.FreeText ? held[CandidateFields.ScreeningNotes] : null,
        [.. c.Interviews.Select(i => new InterviewView(i.InterviewId, i.At, i.Interviewers, i.Location, i.Status,
            [.. i.Feedback.Select(f => new FeedbackView(f.Interviewer, f.Score, f.Recommendation,
                access.FeedbackNotesOf(i) ? held[CandidateFields.FeedbackNotes(i.InterviewId, f.Interviewer)] : null))]))],
        access.Offers && c.Offer is { } o ? new OfferView(o.Salary, o.StartDate, o.ExpiresOn, o.IsExpiredOn(today) ? "Expired" : o.Status.ToString()) : null,
        c.EmployeeId, held.Erased, version);
}
