using BackOffice.Api.Identity;
using BackOffice.Domain.HelpDesk;
using FluentValidation;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// <c>POST /api/support-requests</c>: the caller (any role but auditor) opens a request in their own name. The
/// description goes to the personal-data store under the requester's subject, in the same transaction as the
/// <c>support_request_opened_v1</c> event and the two scheduled service-level checks.
/// </summary>
public static class OpenSupportRequestEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Category">Access, Hardware, Software, Network, Intranet or Other.</param>
    /// <param name="Priority">Low, Medium, High or Critical.</param>
    /// <param name="Summary">One line (1–200).</param>
    /// <param name="Description">What happened (1–10,000; personal data of the requester).</param>
    /// <param name="DeviceId">The device concerned, optional.</param>
    public sealed record Request(SupportCategory? Category, SupportPriority? Priority, string? Summary, string? Description, Guid? DeviceId)
        : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(SupportCategory.Hardware, SupportPriority.High, "Printer on floor 2 jams",
            "Every second page jams in tray 2 since this morning.", null);
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Category).NotNull();
            RuleFor(r => r.Priority).NotNull();
            RuleFor(r => r.Summary).NotNull();
            RuleFor(r => r.Description).NotNull();
            RuleFor(r => r.Summary).MaxChars(Domain.HelpDesk.SupportRequest.MaxSummaryLength);
            RuleFor(r => r.Description).MaxChars(Domain.HelpDesk.SupportRequest.MaxTextLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/support-requests", (Request body, SupportRequestCommands commands, RequestContext request, HttpContext http) =>
            {
                var id = Guid.CreateVersion7();
                var command = new OpenSupportRequest(id, HelpDeskFields.RequesterSubject(request.User), body.Category!.Value, body.Priority!.Value,
                    body.Summary!, body.Description!, body.DeviceId);
                return commands.Open(command, result => Responses.Created("support-requests", result), http.RequestAborted);
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.Staff)
            .WithName("OpenSupportRequest")
            .WithSummary("Open a support request (the caller is the requester)")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems();
}
