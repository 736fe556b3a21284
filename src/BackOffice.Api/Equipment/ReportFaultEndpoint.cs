using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary><c>POST /api/devices/{id}/tickets</c>: reports a fault (every role but auditor); answers the new <c>ticketId</c>.</summary>
public static class ReportFaultEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Symptom">What goes wrong (1–1000), about the device.</param>
    /// <param name="Severity">Low, Medium, High or Critical.</param>
    public sealed record Request(string? Symptom, FaultSeverity? Severity) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("Paper jam in tray 2", FaultSeverity.Medium);
    }

    /// <summary>The answer, with the new ticket's id.</summary>
    /// <param name="Id">Device id.</param>
    /// <param name="Version">Stream version.</param>
    /// <param name="TicketId">The new ticket.</param>
    public sealed record Response(Guid Id, long Version, Guid TicketId) : CommandResponse(Id, Version);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Symptom).NotNull();
            RuleFor(r => r.Severity).NotNull();
            RuleFor(r => r.Symptom).MaxChars(1000);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/tickets", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Device>(id, d => d.ReportFault(new ReportFault(body.Symptom!, body.Severity!.Value), request.Decision(time)),
                    result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<DeviceFaultReported>()!.TicketId))))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.Staff)
            .WithName("ReportDeviceFault")
            .WithSummary("Report a fault on a device (open a ticket)")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
