namespace BackOffice.Projections.Infrastructure;

/// <summary>
/// Natural keys enforced by PostgreSQL unique indexes (per tenant), and the domain error code a violation means.
/// Hosts map a unique violation (SQLSTATE 23505) on one of these constraints to the code.
/// </summary>
public static class UniqueKeys
{
    /// <summary>Index on the supply item snapshot's SKU, per tenant.</summary>
    public const string SupplyItemSku = "ux_supply_item_sku";

    /// <summary>Index on the employee snapshot's linked user name, per tenant.</summary>
    public const string EmployeeUserName = "ux_employee_user_name";

    private static readonly Dictionary<string, (string Code, string Field)> Codes = new(StringComparer.Ordinal)
    {
        [SupplyItemSku] = (Domain.Common.ErrorCodes.DuplicateSku, "sku"),
        [EmployeeUserName] = (Domain.Common.ErrorCodes.DuplicateUserName, "userName"),
    };

    /// <summary>The error code and field for a violated constraint, when it is one of ours.</summary>
    public static (string Code, string Field)? For(string? constraintName)
        => constraintName is not null && Codes.TryGetValue(constraintName, out var entry) ? entry : null;
}
