namespace BackOffice.Api.PersonalData;

/// <summary>Maps the personal-data routes (hr, or admin).</summary>
public static class PersonalDataEndpoints
{
    /// <summary>Maps every personal-data route.</summary>
    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Personal data");
        GetPersonalDataEndpoint.Map(group);
        ErasePersonalDataEndpoint.Map(group);
        return app;
    }
}
