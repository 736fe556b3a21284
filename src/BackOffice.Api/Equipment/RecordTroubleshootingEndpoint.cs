using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary><c>POST /api/devices/{id}/tickets/{ticketId}/troubleshooting</c>: records steps tried in-house; <c>Fixed</c> resolves the ticket.</summary>
public static class RecordTroubleshootingEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Steps">What was tried (1–2000).</param>
    /// <param name="Outcome">Fixed or NotFixed.</param>
    public sealed record Request(string? Steps, TroubleshootingOutcome? Outcome) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("Opened tray 2, removed the jammed sheet, ran a test page", TroubleshootingOutcome.Fixed);
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Steps).NotNull();
            RuleFor(r => r.Outcome).NotNull();
            RuleFor(r => r.Steps).MaxChars(2000);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/tickets/{ticketId:guid}/troubleshooting",
                (Guid id, Guid ticketId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                    executor.Execute<Device>(id, d => d.RecordTroubleshooting(new RecordTroubleshooting(ticketId, body.Steps!, body.Outcome!.Value), request.Decision(time)),
                        Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("RecordTroubleshooting")
            .WithSummary("Record troubleshooting steps on a fault ticket")
            .WithDescription("Outcome Fixed resolves the ticket (409 ticket-resolved once it is).")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
