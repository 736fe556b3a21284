using BackOffice.Api.Identity;
using BackOffice.Domain.FrontDesk;
using FluentValidation;

namespace BackOffice.Api.FrontDesk;

/// <summary><c>POST /api/correspondence/{id}/close</c> {filingCode}: files an item (any status but Closed).</summary>
public static class CloseCorrespondenceEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="FilingCode">Where it is filed (1–50).</param>
    public sealed record Request(string? FilingCode);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.FilingCode).NotNull();
            RuleFor(r => r.FilingCode).MaxChars(50);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/correspondence/{id:guid}/close", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Correspondence>(id, c => c.Close(new CloseCorrespondence(body.FilingCode!), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("CloseCorrespondence")
            .WithSummary("File an item under a filing code")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
