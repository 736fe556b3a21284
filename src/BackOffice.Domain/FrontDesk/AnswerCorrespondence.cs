namespace BackOffice.Domain.FrontDesk;

public sealed partial record Correspondence
{
    /// <summary>
    /// Decides the inbound side of a reply: the outbound item <paramref name="outboundId"/>, sent at
    /// <paramref name="repliedAt"/>, answers this item and meets its reply obligation (status <c>Replied</c>). Only an
    /// inbound item, neither answered nor closed, can be answered.
    /// </summary>
    public IReadOnlyList<ICorrespondenceEvent> Answer(Guid outboundId, DateTimeOffset repliedAt)
    {
        RequireAnswerable();
        return [new CorrespondenceAnswered(Id, outboundId, repliedAt)];
    }

    private void RequireAnswerable()
    {
        if (Direction != CorrespondenceDirection.Inbound)
            throw DomainException.Invalid("inReplyTo", $"Item {RegisterNumber} is outbound: only an inbound item can be answered.");
        if (Status == CorrespondenceStatus.Replied)
            throw new DomainException(ErrorCodes.CorrespondenceTransitionNotAllowed, $"Item {RegisterNumber} was already answered by {AnsweredBy}.", "inReplyTo");
        if (Status == CorrespondenceStatus.Closed)
            throw new DomainException(ErrorCodes.CorrespondenceTransitionNotAllowed, $"Item {RegisterNumber} is closed and cannot be answered.", "inReplyTo");
    }
}
