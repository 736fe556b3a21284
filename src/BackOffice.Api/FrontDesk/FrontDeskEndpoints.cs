using BackOffice.Api.Identity;
using BackOffice.Projections.FrontDesk;
using BackOffice.Projections.PersonalData;

namespace BackOffice.Api.FrontDesk;

/// <summary>Registers the Front desk context's services and maps its routes.</summary>
public static class FrontDeskEndpoints
{
    /// <summary>The employee directory (who a caller is) and the scrubber of correspondent keys.</summary>
    public static IServiceCollection AddFrontDesk(this IServiceCollection services)
    {
        services.AddSingleton<IEmployeeDirectory, LinkedEmployees>();
        services.AddSingleton<IPersonalDataScrubber, CorrespondentKeyScrubber>();
        return services;
    }

    /// <summary>Maps every front-desk route.</summary>
    public static IEndpointRouteBuilder MapFrontDesk(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Front desk");
        RegisterCorrespondenceEndpoint.Map(group);
        GetRegisterEndpoint.Map(group);
        GetCorrespondenceEndpoint.Map(group);
        ListCorrespondenceEndpoint.Map(group);
        group.MapHistory("/api/correspondence/{id:guid}/history", "Correspondence", Roles.AnyUser)
            .WithName("GetCorrespondenceHistory")
            .WithSummary("An item's events, oldest first (ids, numbers and dates: no subject line, no correspondent)");
        RouteCorrespondenceEndpoint.Map(group);
        AcknowledgeCorrespondenceEndpoint.Map(group);
        CloseCorrespondenceEndpoint.Map(group);
        GetFrontDeskDashboardEndpoint.Map(app);
        return app;
    }
}
