using BackOffice.Api.Identity;
using BackOffice.Domain.Intranet;
using FluentValidation;

namespace BackOffice.Api.Intranet;

/// <summary><c>POST /api/notices</c> (hr, manager): publishes a notice to all staff or to some departments.</summary>
public static class PublishNoticeEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Title">Title (1–200).</param>
    /// <param name="Body">Text (1–50,000).</param>
    /// <param name="Audience"><c>{allStaff: true}</c> or <c>{departmentIds: [...]}</c>.</param>
    /// <param name="RequiresAcknowledgement">Whether each addressee must acknowledge it.</param>
    /// <param name="EffectiveOn">First day it applies.</param>
    /// <param name="ExpiresOn">Last day it applies, optional.</param>
    public sealed record Request(string? Title, string? Body, AudienceBody? Audience, bool? RequiresAcknowledgement, DateOnly? EffectiveOn, DateOnly? ExpiresOn);

    /// <summary>Who a notice addresses.</summary>
    /// <param name="AllStaff">Every employee.</param>
    /// <param name="DepartmentIds">Otherwise, these departments.</param>
    public sealed record AudienceBody(bool? AllStaff, IReadOnlyList<Guid>? DepartmentIds);

    /// <summary>The most departments one notice may address (a new bound; every department of a large tenant fits).</summary>
    public const int MaxDepartments = 500;

    internal sealed class AudienceValidator : AbstractValidator<AudienceBody>
    {
        public AudienceValidator() => RuleFor(a => a.DepartmentIds).MaxItems(MaxDepartments);
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotNull();
            RuleFor(r => r.Body).NotNull();
            RuleFor(r => r.Audience).NotNull();
            RuleFor(r => r.RequiresAcknowledgement).NotNull();
            RuleFor(r => r.EffectiveOn).NotNull();
            RuleFor(r => r.Title).MaxChars(Domain.Intranet.Notice.MaxTitleLength);
            RuleFor(r => r.Body).MaxChars(Domain.Intranet.Notice.MaxBodyLength);
            RuleFor(r => r.Audience!).SetValidator(new AudienceValidator()).When(r => r.Audience is not null);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/notices", (Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
            {
                var id = Guid.CreateVersion7();
                return executor.Start<Notice>(id,
                    () => Notice.Publish(new PublishNotice(id, body.Title!, body.Body!, body.Audience!.AllStaff ?? false, body.Audience.DepartmentIds,
                        body.RequiresAcknowledgement!.Value, body.EffectiveOn!.Value, body.ExpiresOn), request.Decision(time)),
                    result => Responses.Created("notices", result));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr, Roles.Manager))
            .WithName("PublishNotice")
            .WithSummary("Publish a notice (hr, manager)")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems();
}
