using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOffice.Projections.Audit;

/// <summary>The JSON shape of event payloads in the audit trail: as Marten stores them (camelCase, enums as strings).</summary>
public static class AuditJson
{
    /// <summary>Serializer options matching the store's.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
