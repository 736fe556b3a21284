using BackOffice.Api.Identity;
using BackOffice.Domain.HelpDesk;
using FluentValidation;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// <c>POST /api/support-requests/{id}/assign</c> (it): gives the request to an agent (a first response when none was given).
/// </summary>
public static class AssignSupportRequestEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Assignee">The agent's user name (1–100).</param>
    public sealed record Request(string? Assignee);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Assignee).NotNull();
            RuleFor(r => r.Assignee).MaxChars(Bounds.UserName);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/support-requests/{id:guid}/assign", (Guid id, Request body, SupportRequestCommands commands, RequestContext request, TimeProvider time) =>
                commands.Execute(id, r => r.Assign(new AssignSupportRequest(body.Assignee!), request.Decision(time))))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("AssignSupportRequest")
            .WithSummary("Assign a support request to an agent (it)")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

/// <summary>
/// <c>POST /api/support-requests/{id}/comments</c>: the requester or it comments; it may put the request
/// <c>WaitingOnRequester</c> (the clock stops until the next comment). The text goes to the personal-data store.
/// </summary>
public static class CommentOnSupportRequestEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Text">The comment (1–10,000; personal data of the requester).</param>
    /// <param name="WaitingOnRequester">Put the request waiting on its requester (support only; default false).</param>
    public sealed record Request(string? Text, bool? WaitingOnRequester);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Text).NotNull();
            RuleFor(r => r.Text).MaxChars(Domain.HelpDesk.SupportRequest.MaxTextLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/support-requests/{id:guid}/comments", (Guid id, Request body, SupportRequestCommands commands, RequestContext request, TimeProvider time) =>
                commands.Execute(id,
                    r => r.Comment(new CommentOnSupportRequest(body.Text!, body.WaitingOnRequester ?? false), request.Decision(time), actingAsSupport: request.Holds(Roles.It)),
                    texts: events => events.OfType<SupportRequestCommented>()
                        .ToDictionary(e => HelpDeskFields.Comment(id, e.CommentId), _ => (string?)body.Text!.Trim())))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.Staff)
            .WithName("CommentOnSupportRequest")
            .WithSummary("Comment on a support request (its requester, or it)")
            .WithDescription("Anyone else: 403 not-the-requester. waitingOnRequester (it only) stops the service-level clock until the next comment.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

/// <summary>
/// <c>POST /api/support-requests/{id}/resolve</c> (it): resolves the request; the requester may confirm or reopen it
/// within the reopen window, after which it closes by itself (a durable scheduled message).
/// </summary>
public static class ResolveSupportRequestEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Resolution">What was done (1–10,000; stored with the requester's personal data).</param>
    public sealed record Request(string? Resolution);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Resolution).NotNull();
            RuleFor(r => r.Resolution).MaxChars(Domain.HelpDesk.SupportRequest.MaxTextLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/support-requests/{id:guid}/resolve", (Guid id, Request body, SupportRequestCommands commands, RequestContext request, TimeProvider time) =>
                commands.Execute(id, r => r.Resolve(new ResolveSupportRequest(body.Resolution!), request.Decision(time)),
                    texts: _ => new Dictionary<string, string?> { [HelpDeskFields.Resolution(id)] = body.Resolution!.Trim() }))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("ResolveSupportRequest")
            .WithSummary("Resolve a support request (it)")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

/// <summary><c>POST /api/support-requests/{id}/confirm</c>: the requester confirms the resolution; the request is closed.</summary>
public static class ConfirmSupportRequestEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/support-requests/{id:guid}/confirm", (Guid id, SupportRequestCommands commands, RequestContext request, TimeProvider time) =>
                commands.Execute(id, r => r.Confirm(request.Decision(time))))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.Staff)
            .WithName("ConfirmSupportRequest")
            .WithSummary("Confirm the resolution of one's own support request")
            .WithDescription("The requester only (anyone else: 403 not-the-requester); the request must be Resolved.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

/// <summary>
/// <c>POST /api/support-requests/{id}/reopen</c>: the requester reopens a resolved request within its reopen window
/// (409 <c>reopen-window-passed</c> after); the clock runs again. The reason goes to the personal-data store.
/// </summary>
public static class ReopenSupportRequestEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Why (1–10,000; personal data of the requester).</param>
    public sealed record Request(string? Reason);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.Reason).MaxChars(Domain.HelpDesk.SupportRequest.MaxTextLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/support-requests/{id:guid}/reopen", (Guid id, Request body, SupportRequestCommands commands, RequestContext request, TimeProvider time) =>
                commands.Execute(id, r => r.Reopen(new ReopenSupportRequest(body.Reason!), request.Decision(time)),
                    texts: events => events.OfType<SupportRequestReopened>()
                        .ToDictionary(e => HelpDeskFields.ReopenReason(id, e.ReopeningId), _ => (string?)body.Reason!.Trim())))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.Staff)
            .WithName("ReopenSupportRequest")
            .WithSummary("Reopen one's own resolved support request")
            .WithDescription("The requester only (anyone else: 403 not-the-requester); within the reopen window (default 7 days), else 409 reopen-window-passed.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
