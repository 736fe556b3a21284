using BackOffice.Api.Identity;

namespace BackOffice.Api.Recruiting;

/// <summary>Maps the Recruiting context's routes.</summary>
public static class RecruitingEndpoints
{
    /// <summary>Maps every recruiting route.</summary>
    public static IEndpointRouteBuilder MapRecruiting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Recruiting");
        OpenJobOpeningEndpoint.Map(group);
        GetJobOpeningEndpoint.Map(group);
        CloseJobOpeningEndpoint.Map(group);
        ApplyEndpoint.Map(group);
        GetCandidateEndpoint.Map(group);
        ListCandidatesEndpoint.Map(group);
        group.MapHistory("/api/candidates/{id:guid}/history", "Candidate", Roles.AnyOf(Roles.Hr, Roles.Manager, Roles.Auditor))
            .WithName("GetCandidateHistory")
            .WithSummary("A candidate's events, oldest first (hr, manager, auditor)");
        ScreenCandidateEndpoint.Map(group);
        ShortlistCandidateEndpoint.Map(group);
        ScheduleInterviewEndpoint.Map(group);
        RescheduleInterviewEndpoint.Map(group);
        CancelInterviewEndpoint.Map(group);
        RecordFeedbackEndpoint.Map(group);
        ExtendOfferEndpoint.Map(group);
        AcceptOfferEndpoint.Map(group);
        DeclineOfferEndpoint.Map(group);
        RejectCandidateEndpoint.Map(group);
        WithdrawCandidateEndpoint.Map(group);
        GetRecruitingDashboardEndpoint.Map(app);
        return app;
    }
}
