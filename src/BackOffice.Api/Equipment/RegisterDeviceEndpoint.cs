using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary><c>POST /api/devices</c>: registers a device (asset tag unique per tenant: 409 <c>duplicate-asset-tag</c>).</summary>
public static class RegisterDeviceEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="AssetTag">1–64 characters, unique per tenant.</param>
    /// <param name="Kind">Copier, Printer, Fax, Scanner, Computer, Phone or Other.</param>
    /// <param name="Make">Manufacturer (1–100).</param>
    /// <param name="Model">Model (1–100).</param>
    /// <param name="Serial">Serial number (≤ 100), optional.</param>
    /// <param name="Location">Where it stands (1–200).</param>
    /// <param name="PurchasedOn">Purchase day (yyyy-MM-dd), optional.</param>
    /// <param name="WarrantyUntil">Last day of warranty (yyyy-MM-dd), optional, not before purchasedOn.</param>
    public sealed record Request(string? AssetTag, DeviceKind? Kind, string? Make, string? Model, string? Serial, string? Location,
        DateOnly? PurchasedOn, DateOnly? WarrantyUntil) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("CP-0042", DeviceKind.Copier, "Canon", "imageRUNNER 2630i", "XK-1234567", "2nd floor, copy room",
            new DateOnly(2025, 3, 1), new DateOnly(2028, 2, 29));
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.AssetTag).NotNull();
            RuleFor(r => r.Kind).NotNull();
            RuleFor(r => r.Make).NotNull();
            RuleFor(r => r.Model).NotNull();
            RuleFor(r => r.Location).NotNull();
            RuleFor(r => r.AssetTag).MaxChars(64);
            RuleFor(r => r.Make).MaxChars(100);
            RuleFor(r => r.Model).MaxChars(100);
            RuleFor(r => r.Serial).MaxChars(100);
            RuleFor(r => r.Location).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices", (Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
            {
                var id = Guid.CreateVersion7();
                return executor.Start<Device>(id,
                    () => Device.Register(new RegisterDevice(id, body.AssetTag!, body.Kind!.Value, body.Make!, body.Model!, body.Serial, body.Location!,
                        body.PurchasedOn, body.WarrantyUntil), request.Decision(time)),
                    result => Responses.Created("devices", result));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("RegisterDevice")
            .WithSummary("Register a device")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status409Conflict);
}
