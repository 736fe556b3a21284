using BackOffice.Api.Identity;
using BackOffice.Domain.Intranet;
using FluentValidation;
using Marten;

namespace BackOffice.Api.Intranet;

/// <summary><c>POST /api/notices/{id}/revise</c> (hr, manager): a material revision asks every addressee to acknowledge again.</summary>
public static class ReviseNoticeEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Title">New title, optional.</param>
    /// <param name="Body">New text, optional.</param>
    /// <param name="Material">Whether the change is material (a new revision to acknowledge).</param>
    public sealed record Request(string? Title, string? Body, bool? Material);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Material).NotNull();
            RuleFor(r => r.Title).MaxChars(Domain.Intranet.Notice.MaxTitleLength);
            RuleFor(r => r.Body).MaxChars(Domain.Intranet.Notice.MaxBodyLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/notices/{id:guid}/revise", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Notice>(id, n => [.. n.Revise(new ReviseNotice(body.Title, body.Body, body.Material!.Value), request.Decision(time))], Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr, Roles.Manager))
            .WithName("ReviseNotice")
            .WithSummary("Revise a notice (hr, manager)")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

/// <summary><c>POST /api/notices/{id}/withdraw</c> (hr, manager).</summary>
public static class WithdrawNoticeEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Why (1–500).</param>
    public sealed record Request(string? Reason);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.Reason).MaxChars(Bounds.Reason);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/notices/{id:guid}/withdraw", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Notice>(id, n => [.. n.Withdraw(new WithdrawNotice(body.Reason!), request.Decision(time))], Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr, Roles.Manager))
            .WithName("WithdrawNotice")
            .WithSummary("Withdraw a notice (hr, manager)")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
}

/// <summary>
/// <c>POST /api/notices/{id}/acknowledge</c>: the caller's employee (linked to their user name) acknowledges the current
/// revision; 403 <c>not-in-audience</c> when the caller is linked to no employee the notice addresses.
/// </summary>
public static class AcknowledgeNoticeEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/notices/{id:guid}/acknowledge", async (Guid id, CommandExecutor executor, IDocumentStore store, RequestContext request,
                TimeProvider time, HttpContext http) =>
            {
                Acknowledger? caller;
                await using (var session = store.QuerySession(request))
                    caller = await NoticeAudiences.CallerAsync(session, request.User, NoticeAudiences.Today(time), http.RequestAborted).ConfigureAwait(false);
                return await executor.Execute<Notice>(id, n => [.. n.Acknowledge(caller, request.Decision(time))], Responses.Ok).ConfigureAwait(false);
            })
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.Staff)
            .WithName("AcknowledgeNotice")
            .WithSummary("Acknowledge a notice (the caller's employee)")
            .WithDescription("403 not-in-audience when the caller's employee is not addressed (or the caller is linked to no employee); once per revision (again: nothing recorded); 409 when the notice takes no acknowledgement, is withdrawn, not yet effective or expired.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
