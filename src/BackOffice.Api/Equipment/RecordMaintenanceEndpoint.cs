using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary><c>POST /api/devices/{id}/maintenance</c>: records maintenance performed; the next due day moves.</summary>
public static class RecordMaintenanceEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="PerformedOn">The day (yyyy-MM-dd), not in the future.</param>
    /// <param name="Notes">What was done (≤ 2000), about the device.</param>
    public sealed record Request(DateOnly? PerformedOn, string? Notes);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.PerformedOn).NotNull();
            RuleFor(r => r.Notes).MaxChars(2000);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/maintenance", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Device>(id, d => d.RecordMaintenance(new RecordMaintenance(body.PerformedOn!.Value, body.Notes), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("RecordMaintenance")
            .WithSummary("Record maintenance performed on a device")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
