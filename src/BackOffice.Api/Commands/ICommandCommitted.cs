namespace BackOffice.Api.Commands;

/// <summary>Told after each command commits (metrics, notifications). An exception here does not undo the command.</summary>
public interface ICommandCommitted
{
    /// <summary>Called after the transaction of <paramref name="result"/> committed.</summary>
    Task OnCommittedAsync(CommandResult result, CancellationToken cancellation);
}
