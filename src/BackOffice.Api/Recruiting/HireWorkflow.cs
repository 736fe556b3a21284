using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Common;
using BackOffice.Domain.People;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using Marten;
using Wolverine.Marten;
using Wolverine.Runtime;

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

/// <summary>Publishing of <see cref="HireAcceptedCandidate"/> through Wolverine's transactional outbox.</summary>
public static class HireWorkflow
{
    /// <summary>The user name recorded on the workflow's events.</summary>
    public const string Actor = "workflow:hire";

    /// <summary>
    /// When the command accepted an offer: stores the hire message in Wolverine's outbox through the command's own
    /// session (so it commits or rolls back with the <c>offer_accepted_v1</c> event, on the CommandExecutor's
    /// transaction), and hands it to its local durable queue once the transaction has committed.
    /// </summary>
    /// <remarks>
    /// Wolverine's <c>MartenOutbox</c> flushes its messages from a session listener after <c>SaveChangesAsync</c>; on a
    /// session opened on an external transaction that is before the real commit, so the handler could run before the
    /// event is visible (or after a rollback). That listener is taken off again and the flush runs after the commit
    /// (<see cref="CommandExecutor.AfterCommit"/>). Should the process die between commit and flush, the stored
    /// envelope is recovered by Wolverine's durability agent.
    /// </remarks>
    public static async Task PublishAsync(IWolverineRuntime runtime, CommandExecutor executor, IDocumentSession session, RequestContext request, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Find<OfferAccepted>() is not { } accepted) return;
        var cause = session.PendingChanges.Streams().SelectMany(s => s.Events).FirstOrDefault(e => ReferenceEquals(e.Data, accepted));
        var causationId = cause is { Id: var eventId } && eventId != Guid.Empty ? eventId.ToString() : request.CommandId;

        var listeners = session.Listeners.ToList();
        var outbox = new MartenOutbox(runtime, session);
        foreach (var added in session.Listeners.Except(listeners).ToList()) session.Listeners.Remove(added);
        outbox.TenantId = request.Tenant;
        outbox.CorrelationId = request.CorrelationId;
        await outbox.PublishAsync(new HireAcceptedCandidate(
            request.Tenant, accepted.CandidateId, accepted.JobOpeningId, accepted.StartDate, request.CorrelationId, causationId)).ConfigureAwait(false);
        executor.AfterCommit(_ => outbox.FlushOutgoingMessagesAsync());
    }

    /// <summary>
    /// The employee id of a hired candidate: derived from the candidate id (SHA-256, UUID version 8), so that a
    /// replayed or duplicated message can only ever name the same employee.
    /// </summary>
    public static Guid EmployeeIdFor(Guid candidateId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("backoffice:employee-of-candidate:" + candidateId.ToString("N")));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);   // version 8 (custom), big-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>
/// Wolverine handler of <see cref="HireAcceptedCandidate"/>, idempotent: in one transaction it starts the employee
/// stream (id from <see cref="HireWorkflow.EmployeeIdFor"/>, the candidate's subject id), marks the candidate
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
        await using var session = store.LightweightSession(message.TenantId);
        session.CorrelationId = message.CorrelationId;
        session.CausationId = message.CausationId;
        session.LastModifiedBy = HireWorkflow.Actor;

        // Lock order: candidate, then opening (the only two streams locked together anywhere).
        var candidateStream = await session.Events.FetchForExclusiveWriting<Candidate>(message.CandidateId, cancellation).ConfigureAwait(false);
        if (candidateStream.Aggregate is not { } candidate)
        {
            LogNoCandidate(logger, message.CandidateId);
            return;
        }
        var employeeId = HireWorkflow.EmployeeIdFor(candidate.Id);
        IReadOnlyList<ICandidateEvent> hired;
        try
        {
            hired = candidate.MarkHired(new MarkCandidateHired(employeeId));
        }
        catch (DomainException ex)
        {
            // E.g. the candidate withdrew between acceptance and hire: nobody is hired; retrying would not change that.
            LogNotHired(logger, message.CandidateId, ex.Code, ex.Message);
            return;
        }

        var openingStream = await session.Events.FetchForExclusiveWriting<JobOpening>(message.JobOpeningId, cancellation).ConfigureAwait(false);
        var opening = openingStream.Aggregate;
        if (await session.Events.FetchStreamStateAsync(employeeId, cancellation).ConfigureAwait(false) is null)
        {
            if (opening is null)
            {
                LogNoOpening(logger, message.JobOpeningId);
                return;
            }
            session.Events.StartStream<Employee>(employeeId, [.. Employee.Hire(new HireEmployee(
                employeeId, candidate.SubjectId, opening.Title, opening.DepartmentId, null, message.StartDate, candidate.Id))]);
            personalData.Refer(session, candidate.SubjectId, employeeId, "employee");
        }
        if (hired.Count > 0) candidateStream.AppendMany([.. hired]);
        if (opening is not null)
        {
            if (opening.HiredCandidateIds.Contains(candidate.Id) || opening.Status == JobOpeningStatus.Open)
            {
                var filled = opening.Fill(new FillJobPosition(candidate.Id, employeeId));
                if (filled.Count > 0) openingStream.AppendMany([.. filled]);
            }
            else
            {
                // The person accepted an offer: the hire stands even when the opening was closed or filled meanwhile.
                LogOpeningNotOpen(logger, opening.Id, opening.Status.ToString(), candidate.Id);
            }
        }
        await session.SaveChangesAsync(cancellation).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hire workflow: candidate {CandidateId} not found; nothing to do")]
    private static partial void LogNoCandidate(ILogger logger, Guid candidateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hire workflow: job opening {JobOpeningId} not found; nothing hired")]
    private static partial void LogNoOpening(ILogger logger, Guid jobOpeningId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hire workflow: candidate {CandidateId} not hired ({Code}): {Reason}")]
    private static partial void LogNotHired(ILogger logger, Guid candidateId, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hire workflow: opening {JobOpeningId} is {Status}; candidate {CandidateId} hired without filling it")]
    private static partial void LogOpeningNotOpen(ILogger logger, Guid jobOpeningId, string status, Guid candidateId);
}
