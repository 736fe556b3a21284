namespace BackOffice.Api.Commands;

/// <summary>What a command did: the stream it touched, its version afterwards and the events it appended.</summary>
/// <param name="Id">Stream id.</param>
/// <param name="Version">Stream version after the command.</param>
/// <param name="Events">Events appended (empty when the command changed nothing).</param>
public sealed record CommandResult(Guid Id, long Version, IReadOnlyList<object> Events)
{
    /// <summary>The first appended event of type <typeparamref name="T"/>, if any.</summary>
    public T? Find<T>() where T : class => Events.OfType<T>().FirstOrDefault();
}

/// <summary>The body of a command response: <c>{ id, version }</c>.</summary>
/// <param name="Id">Id of the aggregate.</param>
/// <param name="Version">Its stream version after the command.</param>
public record CommandResponse(Guid Id, long Version) : IExample<CommandResponse>
{
    /// <inheritdoc />
    public static CommandResponse Example => new(Guid.Parse("01a22131-5e15-7140-86f1-089d836b1a56"), 3);
}
