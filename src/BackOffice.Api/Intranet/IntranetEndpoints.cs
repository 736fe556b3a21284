using BackOffice.Api.Identity;

namespace BackOffice.Api.Intranet;

/// <summary>Maps the Intranet context's routes.</summary>
public static class IntranetEndpoints
{
    /// <summary>Maps every intranet route.</summary>
    public static IEndpointRouteBuilder MapIntranet(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Intranet");
        PublishNoticeEndpoint.Map(group);
        GetNoticeEndpoints.Map(group);
        group.MapHistory("/api/notices/{id:guid}/history", "Notice", Roles.AnyOf(Roles.Hr, Roles.Manager, Roles.Auditor))
            .WithName("GetNoticeHistory")
            .WithSummary("A notice's events, oldest first (hr, manager, auditor)");
        ReviseNoticeEndpoint.Map(group);
        WithdrawNoticeEndpoint.Map(group);
        AcknowledgeNoticeEndpoint.Map(group);
        InboxEndpoints.Map(app.MapGroup("").WithTags("Inbox"));
        return app;
    }
}
