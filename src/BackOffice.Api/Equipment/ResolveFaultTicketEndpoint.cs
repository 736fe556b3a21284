using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary><c>POST /api/devices/{id}/tickets/{ticketId}/resolve</c>: resolves the ticket; it is closed for good.</summary>
public static class ResolveFaultTicketEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Resolution">What resolved it (1–2000).</param>
    public sealed record Request(string? Resolution);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Resolution).NotNull();
            RuleFor(r => r.Resolution).MaxChars(2000);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/tickets/{ticketId:guid}/resolve",
                (Guid id, Guid ticketId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                    executor.Execute<Device>(id, d => d.Resolve(new ResolveFaultTicket(ticketId, body.Resolution!), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("ResolveFaultTicket")
            .WithSummary("Resolve a fault ticket")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
