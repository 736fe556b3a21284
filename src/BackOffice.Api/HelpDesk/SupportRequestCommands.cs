using BackOffice.Api.Workflows;
using BackOffice.Domain.HelpDesk;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// Runs a command on a support request through the <see cref="CommandExecutor"/>, with what every help-desk command
/// does alongside its events in the same transaction: store its free text under the requester's subject, and schedule
/// the deadlines it changed (<see cref="ServiceLevelWorkflow"/>).
/// </summary>
public sealed class SupportRequestCommands(CommandExecutor executor, CommandOutbox outbox, RequestContext request, IPersonalDataStore personalData,
    TimeProvider time)
{
    /// <summary>
    /// Applies <paramref name="decide"/> to request <paramref name="id"/>; when it appended events, stores the texts
    /// <paramref name="texts"/> gives for them (field → text) and schedules what changed.
    /// </summary>
    public Task<IResult> Execute(Guid id, Func<SupportRequest, IReadOnlyList<ISupportRequestEvent>> decide,
        Func<CommandResult, IResult>? respond = null, Func<IReadOnlyList<object>, IReadOnlyDictionary<string, string?>>? texts = null)
    {
        SupportRequest? before = null;
        SupportRequest? after = null;
        return executor.Execute<SupportRequest>(id,
            r =>
            {
                var events = decide(r);
                (before, after) = (r, events.Aggregate(r, (s, e) => SupportRequest.Evolve(s, e)!));
                return [.. events];
            },
            respond ?? Responses.Ok,
            async (session, result) =>
            {
                if (result.Events.Count == 0) return;
                if (texts?.Invoke(result.Events) is { Count: > 0 } fields)
                    await personalData.PutAsync(session, after!.SubjectId, fields).ConfigureAwait(false);
                await ServiceLevelWorkflow.ScheduleAsync(outbox, session, request, before, after!, result).ConfigureAwait(false);
            });
    }

    /// <summary>Starts a new request: the description goes under the requester's subject, the deadlines are scheduled.</summary>
    public Task<IResult> Open(OpenSupportRequest command, Func<CommandResult, IResult> respond, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(command);
        SupportRequest? opened = null;
        return executor.Start<SupportRequest>(command.SupportRequestId,
            async session =>
            {
                var settings = await session.LoadAsync<HelpDeskSettings>(HelpDeskSettings.StreamId, cancellation).ConfigureAwait(false)
                    ?? HelpDeskSettings.Defaults;
                var events = SupportRequest.Open(command, settings, request.Decision(time));
                opened = SupportRequest.From(events);
                return [.. events];
            },
            respond,
            async (session, result) =>
            {
                await personalData.PutAsync(session, command.SubjectId,
                    new Dictionary<string, string?> { [HelpDeskFields.Description(command.SupportRequestId)] = command.Description.Trim() },
                    cancellation).ConfigureAwait(false);
                personalData.Refer(session, command.SubjectId, command.SupportRequestId, HelpDeskFields.StreamType);
                await ServiceLevelWorkflow.ScheduleAsync(outbox, session, request, null, opened!, result).ConfigureAwait(false);
            });
    }
}
