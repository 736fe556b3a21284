using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/interviews</c>: schedules an interview (the first one moves a shortlisted candidate to
/// <c>Interviewing</c>); answers the new <c>interviewId</c>.
/// </summary>
public static class ScheduleInterviewEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="At">When (an instant in the future).</param>
    /// <param name="Interviewers">User names of the interviewers (1–20).</param>
    /// <param name="Location">Where (1–200).</param>
    public sealed record Request(DateTimeOffset? At, IReadOnlyList<string>? Interviewers, string? Location);

    /// <summary>The answer, with the new interview's id.</summary>
    public sealed record Response(Guid Id, long Version, Guid InterviewId) : CommandResponse(Id, Version);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.At).NotNull();
            RuleFor(r => r.Interviewers).NotNull();
            RuleFor(r => r.Location).NotNull();
            RuleFor(r => r.Interviewers).MaxItems(Domain.Recruiting.Interview.MaxInterviewers);
            RuleForEach(r => r.Interviewers).MaxChars(Bounds.UserName);
            RuleFor(r => r.Location).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/interviews", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Candidate>(id, c => c.Schedule(new ScheduleInterview(body.At!.Value, body.Interviewers!, body.Location!), request.Decision(time)),
                    result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<InterviewScheduled>()!.InterviewId))))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ScheduleInterview")
            .WithSummary("Schedule an interview")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
