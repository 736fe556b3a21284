using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using FluentValidation;
using Marten;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates</c>: a person applies to an open job opening. Name, e-mail, phone and résumé go to the
/// personal-data store under a new <c>subjectId</c>, in the same transaction as the <c>candidate_applied_v1</c> event
/// (which carries none of them).
/// </summary>
public static class ApplyEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="JobOpeningId">An open opening (404 when unknown, 409 job-opening-not-open when filled or closed).</param>
    /// <param name="Name">Full name (1–200).</param>
    /// <param name="Email">E-mail address.</param>
    /// <param name="Phone">Phone number, optional.</param>
    /// <param name="Resume">Résumé text, optional (at most 100,000 characters).</param>
    public sealed record Request(Guid? JobOpeningId, string? Name, string? Email, string? Phone, string? Resume);

    /// <summary>The answer: the new candidate and the person's subject id.</summary>
    /// <param name="Id">Candidate id.</param>
    /// <param name="Version">Stream version (1).</param>
    /// <param name="SubjectId">The person in the personal-data store.</param>
    public sealed record Response(Guid Id, long Version, Guid SubjectId) : CommandResponse(Id, Version);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.JobOpeningId).NotNull();
            RuleFor(r => r.Name).NotNull();
            RuleFor(r => r.Email).NotNull();
            RuleFor(r => r.Name).MaxChars(Bounds.Text);
            RuleFor(r => r.Email).MaxChars(254);
            RuleFor(r => r.Phone).MaxChars(32);
            RuleFor(r => r.Resume).MaxChars(Domain.Recruiting.Candidate.MaxResumeLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates", (Request body, CommandExecutor executor, IPersonalDataStore personalData, HttpContext http) =>
            {
                var id = Guid.CreateVersion7();
                var subject = Guid.CreateVersion7();
                var command = new ApplyToJobOpening(id, subject, body.JobOpeningId!.Value, body.Name!, body.Email!, body.Phone, body.Resume);
                return executor.Start<Candidate>(id, async session =>
                    {
                        var opening = await session.LoadAsync<JobOpening>(command.JobOpeningId, http.RequestAborted).ConfigureAwait(false)
                            ?? throw DomainException.NotFound($"Job opening {command.JobOpeningId}");
                        return [.. Candidate.ApplyFor(command, opening)];
                    },
                    result => TypedResults.Created($"/api/candidates/{result.Id}", new Response(result.Id, result.Version, subject)),
                    async (session, _) =>
                    {
                        await personalData.PutAsync(session, subject, new Dictionary<string, string?>
                        {
                            [PersonalFields.Name] = command.Name.Trim(),
                            [PersonalFields.Email] = command.Email.Trim(),
                            [PersonalFields.Phone] = string.IsNullOrWhiteSpace(command.Phone) ? null : command.Phone.Trim(),
                            [PersonalFields.Resume] = string.IsNullOrWhiteSpace(command.Resume) ? null : command.Resume.Trim(),
                        }, http.RequestAborted).ConfigureAwait(false);
                        personalData.Refer(session, subject, id, CandidateFields.StreamType);
                    });
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ApplyToJobOpening")
            .WithSummary("Register a candidate's application")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
}
