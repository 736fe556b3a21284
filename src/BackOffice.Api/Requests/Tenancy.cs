using Marten;

namespace BackOffice.Api.Requests;

/// <summary>Sessions scoped to the caller's tenant: no query can see another tenant's rows.</summary>
public static class Tenancy
{
    /// <summary>A read-only session for the request's tenant.</summary>
    public static IQuerySession QuerySession(this IDocumentStore store, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        return store.QuerySession(request.Tenant);
    }
}
