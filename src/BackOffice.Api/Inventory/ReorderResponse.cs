
namespace BackOffice.Api.Inventory;

/// <summary>The answer of an inventory command that may create a reorder: <c>reorderId</c> is set when it did.</summary>
/// <param name="Id">Supply item id.</param>
/// <param name="Version">Stream version.</param>
/// <param name="ReorderId">The reorder this command raised, if any.</param>
public sealed record ReorderResponse(Guid Id, long Version, Guid? ReorderId) : CommandResponse(Id, Version)
{
    internal static IResult From(CommandResult result)
        => TypedResults.Ok(new ReorderResponse(result.Id, result.Version, result.Find<Domain.Inventory.ReorderRaised>()?.ReorderId));
}
