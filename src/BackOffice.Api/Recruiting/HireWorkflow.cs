using BackOffice.Api.Workflows;
using BackOffice.Domain.Common;
using BackOffice.Domain.People;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// The message of the hire workflow: an offer was accepted, hire the candidate. It carries ids and dates only, never
/// personal data (it is stored in Wolverine's outbox and inbox tables).
/// </summary>
/// <param name="TenantId">The tenant of the candidate.</param>
/// <param name="CandidateId">The candidate who accepted.</param>
/// <param name="JobOpeningId">The opening to fill.</param>
/// <param name="StartDate">The agreed first day.</param>
/// <param name="CorrelationId">Correlation id of the accepting request (kept by the workflow's events).</param>
/// <param name="CausationId">Id of the <c>offer_accepted_v1</c> event (the causation of the workflow's events).</param>
public sealed record HireAcceptedCandidate(
    string TenantId, Guid CandidateId, Guid JobOpeningId, DateOnly StartDate, string CorrelationId, string CausationId);

/// <summary>Publishing of <see cref="HireAcceptedCandidate"/> from the accepting command.</summary>
public static class HireWorkflow
{
    /// <summary>The user name recorded on the workflow's events.</summary>
    public const string Actor = "workflow:hire";

    /// <summary>
    /// When the command accepted an offer: stores the hire message in the command's transaction (it commits or rolls
    /// back with the <c>offer_accepted_v1</c> event) through the <see cref="CommandOutbox"/>, naming that event as the
    /// causation of the workflow's events.
    /// </summary>
    public static async Task PublishAsync(CommandOutbox outbox, IDocumentSession session, RequestContext request, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Find<OfferAccepted>() is not { } accepted) return;
        var causationId = CommandOutbox.CausationOf(session, accepted) ?? request.CommandId;
        await outbox.PublishAsync(new HireAcceptedCandidate(
            request.Tenant, accepted.CandidateId, accepted.JobOpeningId, accepted.StartDate, request.CorrelationId, causationId)).ConfigureAwait(false);
    }
}

/// <summary>
/// Wolverine handler of <see cref="HireAcceptedCandidate"/>, idempotent: in one transaction it starts the employee
/// stream (id from <see cref="CandidateHire.EmployeeIdFor"/>, the candidate's subject id), marks the candidate
/// <c>Hired</c> and fills a position of the opening; a second delivery finds all three done and appends nothing.
/// Its events keep the accepting request's correlation id and name the <c>offer_accepted_v1</c> event as causation.
/// </summary>
public static partial class HireAcceptedCandidateHandler
{
    /// <summary>Handles one delivery.</summary>
    public static async Task Handle(HireAcceptedCandidate message, IDocumentStore store, IPersonalDataStore personalData,
        ILogger<HireAcceptedCandidate> logger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(personalData);
        await using var session = CommandOutbox.HandlerSession(store, message.TenantId, message.CorrelationId, message.CausationId, HireWorkflow.Actor);

        // Lock order: candidate, then opening (the only two streams locked together anywhere).
        var candidateStream = await session.Events.FetchForExclusiveWriting<Candidate>(message.CandidateId, cancellation).ConfigureAwait(false);
        if (candidateStream.Aggregate is not { } candidate)
        {
            LogNoCandidate(logger, message.CandidateId);
            return;
        }
        var openingStream = await session.Events.FetchForExclusiveWriting<JobOpening>(message.JobOpeningId, cancellation).ConfigureAwait(false);
        var employeeExists = await session.Events.FetchStreamStateAsync(CandidateHire.EmployeeIdFor(candidate.Id), cancellation).ConfigureAwait(false) is not null;
        HireDecision hire;
        try
        {
            hire = CandidateHire.Decide(candidate, openingStream.Aggregate, employeeExists, message.StartDate);
        }
        catch (DomainException ex)
        {
            // E.g. the candidate withdrew between acceptance and hire, or the opening is gone: nobody is hired, and
            // retrying would not change that.
            LogNotHired(logger, message.CandidateId, ex.Code, ex.Message);
            return;
        }
        if (hire.EmployeeEvents.Count > 0)
        {
            session.Events.StartStream<Employee>(hire.EmployeeId, [.. hire.EmployeeEvents]);
            personalData.Refer(session, candidate.SubjectId, hire.EmployeeId, "employee");
        }
        if (hire.CandidateEvents.Count > 0) candidateStream.AppendMany([.. hire.CandidateEvents]);
        if (hire.OpeningEvents.Count > 0) openingStream.AppendMany([.. hire.OpeningEvents]);
        if (hire.OpeningNotOpen) LogOpeningNotOpen(logger, message.JobOpeningId, openingStream.Aggregate!.Status.ToString(), candidate.Id);
        await session.SaveChangesAsync(cancellation).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hire workflow: candidate {CandidateId} not found; nothing to do")]
    private static partial void LogNoCandidate(ILogger logger, Guid candidateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hire workflow: candidate {CandidateId} not hired ({Code}): {Reason}")]
    private static partial void LogNotHired(ILogger logger, Guid candidateId, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hire workflow: opening {JobOpeningId} is {Status}; candidate {CandidateId} hired without filling it")]
    private static partial void LogOpeningNotOpen(ILogger logger, Guid jobOpeningId, string status, Guid candidateId);
}
