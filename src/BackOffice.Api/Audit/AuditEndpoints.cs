namespace BackOffice.Api.Audit;

/// <summary>Maps the audit routes (auditor, or admin).</summary>
public static class AuditEndpoints
{
    /// <summary>Maps every audit route.</summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Audit");
        ListAuditEventsEndpoint.Map(group);
        ExportAuditEventsEndpoint.Map(group);
        VerifyAuditChainEndpoint.Map(group);
        return app;
    }
}
