using BackOffice.Api.Identity;

namespace BackOffice.Api.HelpDesk;

/// <summary>Maps the Help desk context's routes.</summary>
public static class HelpDeskEndpoints
{
    /// <summary>Maps every help-desk route.</summary>
    public static IEndpointRouteBuilder MapHelpDesk(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Help desk");
        OpenSupportRequestEndpoint.Map(group);
        GetSupportRequestEndpoint.Map(group);
        ListSupportRequestsEndpoint.Map(group);
        group.MapHistory("/api/support-requests/{id:guid}/history", "Support request", Roles.AnyUser)
            .WithName("GetSupportRequestHistory")
            .WithSummary("A support request's events, oldest first");
        AssignSupportRequestEndpoint.Map(group);
        CommentOnSupportRequestEndpoint.Map(group);
        ResolveSupportRequestEndpoint.Map(group);
        ConfirmSupportRequestEndpoint.Map(group);
        ReopenSupportRequestEndpoint.Map(group);
        EscalateSupportRequestEndpoint.Map(group);
        HelpDeskSettingsEndpoints.Map(group);
        GetHelpDeskDashboardEndpoint.Map(app);
        return app;
    }
}
