using BackOffice.Domain.Inventory;

namespace BackOffice.Api.Inventory;

/// <summary>The contract spells stock statuses in lower case: <c>ok</c>, <c>low</c>, <c>out</c>.</summary>
public static class StockStatuses
{
    /// <summary>The contract's name of a status.</summary>
    public static string Name(StockStatus status) => status switch
    {
        StockStatus.Ok => "ok",
        StockStatus.Low => "low",
        _ => "out",
    };
}
