using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.Equipment;
using BackOffice.Domain.Inventory;
using FluentValidation;
using Marten;

namespace BackOffice.Api.Equipment;

/// <summary>
/// <c>PUT /api/devices/{id}/consumables</c>: names the supply items the device consumes (the whole list; each must
/// exist in the tenant, else 404).
/// </summary>
public static class SetConsumablesEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="SupplyItemIds">Supply items (at most 50; an empty list clears it).</param>
    public sealed record Request(IReadOnlyList<Guid>? SupplyItemIds);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.SupplyItemIds).NotNull();
            RuleFor(r => r.SupplyItemIds).MaxItems(Domain.Equipment.Device.MaxConsumables);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/devices/{id:guid}/consumables", (Guid id, Request body, CommandExecutor executor, HttpContext http) =>
                executor.Execute<Device>(id, d => d.SetConsumables(new SetConsumables(body.SupplyItemIds!)), Responses.Ok,
                    async (session, result) =>
                    {
                        if (result.Find<DeviceConsumablesSet>() is not { } set || set.SupplyItemIds.Count == 0) return;
                        var found = await session.LoadManyAsync<SupplyItem>(http.RequestAborted, set.SupplyItemIds).ConfigureAwait(false);
                        var missing = set.SupplyItemIds.Except(found.Select(i => i.Id)).FirstOrDefault();
                        if (missing != Guid.Empty)
                            throw new DomainException(ErrorCodes.NotFound, $"Supply item {missing} was not found.", "supplyItemIds");
                    }))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("SetDeviceConsumables")
            .WithSummary("Set the supply items a device consumes")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
