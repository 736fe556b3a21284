namespace BackOffice.Domain.Common;

/// <summary>
/// A command refused by the domain. <see cref="Code"/> is a stable, kebab-case identifier
/// (see <see cref="ErrorCodes"/>) that hosts map to their own error format, for example an HTTP problem <c>code</c>.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Creates a domain error.</summary>
    /// <param name="code">Stable error code, one of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">A sentence a person can act on.</param>
    /// <param name="field">The command field at fault, when one is.</param>
    public DomainException(string code, string message, string? field = null) : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Stable error code, one of <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The command field at fault (camelCase), or <c>null</c> when the error concerns the whole command.</summary>
    public string? Field { get; }

    /// <summary>A command field whose value is invalid in itself.</summary>
    public static DomainException Invalid(string field, string message) => new(ErrorCodes.ValidationFailed, message, field);

    /// <summary>Thrown when a command refers to something the aggregate does not know.</summary>
    public static DomainException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");
}
