using BackOffice.Api.Identity;
using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.Infrastructure;
using BackOffice.Projections.PersonalData;
using FluentValidation;
using Marten;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// <c>POST /api/correspondence</c>: enters an item in the register. In one transaction: the correspondent's subject is
/// found (a known e-mail address) or made, the domain decides, the personal values (correspondent, subject line,
/// message) go to the personal-data store, and only then the register number is taken from the tenant's counter for
/// the year (<see cref="GaplessNumbers"/>), so that the counter row stays locked for as short a time as possible. A
/// registration that fails after that rolls the counter back with it: no number is lost, none is given twice.
/// </summary>
public static class RegisterCorrespondenceEndpoint
{
    /// <summary>The name of the register's sequence among the tenant's gapless counters.</summary>
    public const string SequenceName = "correspondence";

    /// <summary>Who an item is from or to.</summary>
    /// <param name="Name">Name of the person or organisation (1–200).</param>
    /// <param name="Organization">Organisation the person writes for.</param>
    /// <param name="Email">E-mail address (a known address keeps the correspondent's subject across items).</param>
    /// <param name="Phone">Phone number.</param>
    /// <param name="Address">Postal address.</param>
    public sealed record CorrespondentBody(string? Name, string? Organization, string? Email, string? Phone, string? Address);

    /// <summary>Body of the request.</summary>
    /// <param name="Direction">Inbound or Outbound.</param>
    /// <param name="Channel">Mail, Fax, Email, Phone or Courier.</param>
    /// <param name="Subject">Subject line (1–300).</param>
    /// <param name="Correspondent">Who it is from (inbound) or to (outbound).</param>
    /// <param name="OccurredAt">When it was received or sent (not in the future).</param>
    /// <param name="DocumentRef">The document's own reference (≤ 100).</param>
    /// <param name="ReplyDueOn">Reply due by this day (inbound only).</param>
    /// <param name="Confidential">Subject and correspondent shown only to the addressee, hr and admin (default false).</param>
    /// <param name="InReplyTo">The inbound item this outbound item answers.</param>
    /// <param name="Message">A caller's message (phone only).</param>
    /// <param name="CallbackRequested">The caller wants a call back (phone only).</param>
    public sealed record Request(
        CorrespondenceDirection? Direction, CorrespondenceChannel? Channel, string? Subject, CorrespondentBody? Correspondent,
        DateTimeOffset? OccurredAt, string? DocumentRef, DateOnly? ReplyDueOn, bool? Confidential, Guid? InReplyTo,
        string? Message, bool? CallbackRequested);

    /// <summary>The answer: the new item, its register number and its correspondent's subject id.</summary>
    /// <param name="Id">Item id.</param>
    /// <param name="Version">Stream version (1).</param>
    /// <param name="RegisterNumber">Register number, <c>YYYY-NNNNNN</c>.</param>
    /// <param name="SubjectId">The correspondent in the personal-data store.</param>
    public sealed record Response(Guid Id, long Version, string RegisterNumber, Guid SubjectId) : CommandResponse(Id, Version);

    internal sealed class CorrespondentValidator : AbstractValidator<CorrespondentBody>
    {
        public CorrespondentValidator()
        {
            RuleFor(c => c.Name).MaxChars(Bounds.Text);
            RuleFor(c => c.Organization).MaxChars(200);
            RuleFor(c => c.Email).MaxChars(254);
            RuleFor(c => c.Phone).MaxChars(32);
            RuleFor(c => c.Address).MaxChars(500);
        }
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Direction).NotNull();
            RuleFor(r => r.Channel).NotNull();
            RuleFor(r => r.Subject).NotNull();
            RuleFor(r => r.Correspondent).NotNull();
            RuleFor(r => r.Correspondent!.Name).NotNull().When(r => r.Correspondent is not null).OverridePropertyName("correspondent.name");
            RuleFor(r => r.OccurredAt).NotNull();
            RuleFor(r => r.Subject).MaxChars(Domain.FrontDesk.Correspondence.MaxSubjectLength);
            RuleFor(r => r.DocumentRef).MaxChars(100);
            RuleFor(r => r.Message).MaxChars(Domain.FrontDesk.Correspondence.MaxMessageLength);
            RuleFor(r => r.Correspondent!).SetValidator(new CorrespondentValidator()).When(r => r.Correspondent is not null);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/correspondence", (Request body, CommandExecutor executor, IPersonalDataStore personalData, IDocumentStore store,
                RequestContext request, TimeProvider time, HttpContext http) =>
            {
                var id = Guid.CreateVersion7();
                var context = request.Decision(time);
                var cancellation = http.RequestAborted;
                var c = body.Correspondent!;
                var correspondent = new Correspondent(c.Name!, c.Organization, c.Email, c.Phone, c.Address);
                var subject = Guid.Empty;
                return executor.Start<Correspondence>(id, async session =>
                    {
                        subject = await CorrespondenceFields.SubjectOfAsync(session, correspondent, Guid.CreateVersion7(), cancellation).ConfigureAwait(false);
                        var command = new RegisterCorrespondence(id, subject, body.Direction!.Value, body.Channel!.Value, body.Subject!, correspondent,
                            body.OccurredAt!.Value, body.DocumentRef, body.ReplyDueOn, body.Confidential ?? false, body.InReplyTo, body.Message,
                            body.CallbackRequested);
                        JasperFx.Events.IEventStream<Correspondence>? answered = null;
                        if (body.InReplyTo is { } replyTo && body.Direction == CorrespondenceDirection.Outbound)
                            answered = await session.Events.FetchForExclusiveWriting<Correspondence>(replyTo, cancellation).ConfigureAwait(false);
                        var pending = Correspondence.Register(command, answered?.Aggregate, context);
                        if (answered?.Aggregate is { } inbound) answered.AppendMany(inbound.Answer(id, command.OccurredAt));
                        await CorrespondenceFields.PutAsync(personalData, session, command, cancellation).ConfigureAwait(false);

                        // Last: the number. Its counter row stays locked until this transaction commits or rolls back.
                        var transaction = executor.Transaction!;
                        var sequence = await GaplessNumbers.NextAsync(transaction, store.Options.DatabaseSchemaName, request.Tenant, SequenceName, pending.Year,
                            cancellation).ConfigureAwait(false);
                        return [.. pending.Numbered(checked((int)Math.Min(sequence, int.MaxValue)))];
                    },
                    result => TypedResults.Created($"/api/correspondence/{result.Id}",
                        new Response(result.Id, result.Version, result.Find<CorrespondenceRegistered>()!.RegisterNumber, subject)));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("RegisterCorrespondence")
            .WithSummary("Enter an item in the correspondence register")
            .WithDescription("The register number (YYYY-NNNNNN) is taken in the registering transaction, sequential per tenant and year without gaps.")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
}
