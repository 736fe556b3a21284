using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary>
/// <c>PUT /api/employees/{id}/user</c>: links the employee to the user name of their credentials, so that "mine" views
/// and inboxes know who the caller is. The user name is unique per tenant (a unique index on the employee snapshot:
/// 409 <c>duplicate-user-name</c>); linking again to the same name changes nothing.
/// </summary>
public static class LinkEmployeeUserEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="UserName">The user name (1–200): an API key's name or a token's <c>sub</c>.</param>
    public sealed record Request(string? UserName);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.UserName).NotNull();
            RuleFor(r => r.UserName).MaxChars(Bounds.UserName);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/employees/{id:guid}/user", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Employee>(id, e => e.LinkUser(new LinkEmployeeUser(body.UserName!), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("LinkEmployeeUser")
            .WithSummary("Link an employee to a user name")
            .WithDescription("hr. 409 duplicate-user-name when another employee of the tenant has this user name; 409 employee-terminated once terminated.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
