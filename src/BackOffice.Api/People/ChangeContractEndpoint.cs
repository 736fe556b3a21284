using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary><c>POST /api/employees/{id}/contract</c> {employmentType, contractEndsOn?, agency?}: sets the contract's terms (e.g. extends a fixed term).</summary>
public static class ChangeContractEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="EmploymentType">Permanent, FixedTerm or Temporary.</param>
    /// <param name="ContractEndsOn">Last day: required unless permanent.</param>
    /// <param name="Agency">Required for (and only for) a temporary worker.</param>
    public sealed record Request(EmploymentType? EmploymentType, DateOnly? ContractEndsOn, string? Agency);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.EmploymentType).NotNull();
            RuleFor(r => r.Agency).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees/{id:guid}/contract", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Employee>(id, e => e.ChangeContract(
                    new ChangeEmploymentContract(body.EmploymentType!.Value, body.ContractEndsOn, body.Agency), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ChangeEmploymentContract")
            .WithSummary("Change an employee's contract terms")
            .WithDescription("hr. 409 employee-terminated.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
