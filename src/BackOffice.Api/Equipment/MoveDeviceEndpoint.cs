using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary><c>POST /api/devices/{id}/move</c>: moves the device to another location.</summary>
public static class MoveDeviceEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Location">The new location (1–200).</param>
    public sealed record Request(string? Location);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Location).NotNull();
            RuleFor(r => r.Location).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/move", (Guid id, Request body, CommandExecutor executor) =>
                executor.Execute<Device>(id, d => d.Move(new MoveDevice(body.Location!)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("MoveDevice")
            .WithSummary("Move a device")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
