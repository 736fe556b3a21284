using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.People;
using BackOffice.Domain.Recruiting;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary><c>POST /api/job-openings</c>: opens a job opening in an existing department.</summary>
public static class OpenJobOpeningEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Title">Job title (1–200).</param>
    /// <param name="DepartmentId">The hiring department (must exist: else 404).</param>
    /// <param name="HiringManager">User name of the hiring manager, optional.</param>
    /// <param name="Positions">How many people to hire (≥ 1).</param>
    public sealed record Request(string? Title, Guid? DepartmentId, string? HiringManager, int? Positions);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotNull();
            RuleFor(r => r.DepartmentId).NotNull();
            RuleFor(r => r.Positions).NotNull();
            RuleFor(r => r.Title).MaxChars(Bounds.Text);
            RuleFor(r => r.HiringManager).MaxChars(Bounds.UserName);
            RuleFor(r => r.Positions).Within(1, 1000);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/job-openings", (Request body, CommandExecutor executor, HttpContext http) =>
            {
                var id = Guid.CreateVersion7();
                return executor.Start<JobOpening>(id, async session =>
                    {
                        var events = JobOpening.Open(new OpenJobOpening(id, body.Title!, body.DepartmentId!.Value, body.HiringManager, body.Positions!.Value));
                        if (await session.LoadAsync<Department>(body.DepartmentId!.Value, http.RequestAborted).ConfigureAwait(false) is null)
                            throw DomainException.NotFound($"Department {body.DepartmentId}");
                        return [.. events];
                    },
                    result => Responses.Created("job-openings", result));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("OpenJobOpening")
            .WithSummary("Open a job opening")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status404NotFound);
}
