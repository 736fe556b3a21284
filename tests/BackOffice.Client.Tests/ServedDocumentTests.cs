using System.Text.Json.Nodes;

namespace BackOffice.Client.Tests;

[Collection(ClientCollection.Name)]
public class ServedDocumentTests(ClientFixture api)
{
    /// <summary>
    /// The build generated the client from the document the API exported (embedded here as
    /// <c>backoffice.openapi.json</c>); that document must be the one the running API serves, or the client tested is
    /// not the client an integrator generates.
    /// </summary>
    [Fact]
    public async Task The_client_was_generated_from_the_document_the_api_serves()
    {
        using var anonymous = api.CreateClient();
        var served = await anonymous.GetStringAsync("/swagger/v1/swagger.json");
        var stream = typeof(ServedDocumentTests).Assembly.GetManifestResourceStream("backoffice.openapi.json").ShouldNotBeNull();
        using var reader = new StreamReader(stream);
        var generatedFrom = await reader.ReadToEndAsync();
        JsonNode.DeepEquals(JsonNode.Parse(generatedFrom), JsonNode.Parse(served)).ShouldBeTrue("The client was generated from another document than the served one: rebuild.");
        JsonNode.Parse(served)!["paths"]!.AsObject().Count.ShouldBeGreaterThan(100);
    }

    /// <summary>
    /// Every schema of the document became a class or enum of the same name (the generator numbered none, ADR 21), and
    /// nullable references and money arrive as the referenced type and <see cref="decimal"/>.
    /// </summary>
    [Fact]
    public void Generated_types_are_named_after_the_document_schemas()
    {
        var stream = typeof(ServedDocumentTests).Assembly.GetManifestResourceStream("backoffice.openapi.json").ShouldNotBeNull();
        var schemas = JsonNode.Parse(stream)!["components"]!["schemas"]!.AsObject().Select(p => p.Key).ToList();
        var types = typeof(InventoryClient).Assembly.GetTypes().Where(t => t.Namespace == "BackOffice.Client" && t.IsPublic).Select(t => t.Name).ToHashSet();
        schemas.Where(name => !types.Contains(name)).ShouldBeEmpty();
        schemas.ShouldContain(nameof(IssueStockRequest));
        typeof(CandidateView).GetProperty(nameof(CandidateView.Offer))!.PropertyType.ShouldBe(typeof(OfferView));
        typeof(ChainVerification).GetProperty(nameof(ChainVerification.FirstBreak))!.PropertyType.ShouldBe(typeof(ChainBreak));
        typeof(ReceiveStockRequest).GetProperty(nameof(ReceiveStockRequest.UnitCost))!.PropertyType.ShouldBe(typeof(decimal?));
        typeof(TrialLine).GetProperty(nameof(TrialLine.Debit))!.PropertyType.ShouldBe(typeof(decimal));
    }
}
