namespace BackOffice.Client.Tests;

/// <summary>
/// The contract's mechanisms through the generated client: problems read as typed exceptions (status, code, field),
/// <c>If-Match</c> and <c>Idempotency-Key</c> set as the client's own parameters.
/// </summary>
[Collection(ClientCollection.Name)]
public class ContractThroughClientTests(ClientFixture api)
{
    private readonly InventoryClient clerk = new(api.Http("demo-clerk"));

    [Fact]
    public async Task A_validation_problem_is_a_typed_exception_naming_the_field()
    {
        var bad = InventoryThroughClientTests.NewItem();
        bad.ReorderPoint = -1;
        var problem = await clerk.RegisterSupplyItemAsync(bad).ShouldFailWith(400, "validation-failed");
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(["reorderPoint"]);
        problem.Errors["reorderPoint"].ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_conflict_is_a_typed_exception_with_its_code_and_field()
    {
        var id = (await clerk.RegisterSupplyItemAsync(InventoryThroughClientTests.NewItem())).Result.Id;
        await clerk.ReceiveStockAsync(id, new ReceiveStockRequest { Quantity = 7 });
        var problem = await clerk.IssueStockAsync(id, new IssueStockRequest { Quantity = 100 }).ShouldFailWith(409, "insufficient-stock");
        problem.Detail.ShouldContain("only 7 on hand");
        problem.Errors.ShouldNotBeNull().ShouldContainKey("quantity");
        problem.Instance.ShouldBe($"/api/supply-items/{id}/issues");
    }

    [Fact]
    public async Task If_match_from_the_last_etag_applies_and_a_stale_one_is_a_typed_412()
    {
        var id = (await clerk.RegisterSupplyItemAsync(InventoryThroughClientTests.NewItem())).Result.Id;
        var read = await clerk.GetSupplyItemAsync(id);
        var etag = read.Header("ETag").ShouldNotBeNull();
        etag.ShouldBe("\"1\"");

        var received = await clerk.ReceiveStockAsync(id, new ReceiveStockRequest { Quantity = 5 }, if_Match: etag);
        received.Result.Version.ShouldBe(2);
        received.Header("ETag").ShouldBe("\"2\"");

        // The same (now stale) ETag again: refused, nothing applied.
        var problem = await clerk.ReceiveStockAsync(id, new ReceiveStockRequest { Quantity = 5 }, if_Match: etag).ShouldFailWith(412, "version-mismatch");
        problem.Detail.ShouldNotBeNullOrEmpty();
        (await clerk.GetSupplyItemAsync(id)).Result.OnHand.ShouldBe(5);
    }

    [Fact]
    public async Task An_idempotency_key_makes_a_retry_answer_the_same_with_one_event_and_another_body_a_typed_422()
    {
        var id = (await clerk.RegisterSupplyItemAsync(InventoryThroughClientTests.NewItem())).Result.Id;
        var key = "receipt-" + Generated.Tag();
        var receipt = new ReceiveStockRequest { Quantity = 10, UnitCost = 2.50m, Currency = "EUR" };

        var first = await clerk.ReceiveStockAsync(id, receipt, idempotency_Key: key);
        var retry = await clerk.ReceiveStockAsync(id, receipt, idempotency_Key: key);
        retry.StatusCode.ShouldBe(first.StatusCode);
        retry.Result.Id.ShouldBe(first.Result.Id);
        retry.Result.Version.ShouldBe(first.Result.Version);
        first.Header("Idempotency-Replayed").ShouldBeNull();
        retry.Header("Idempotency-Replayed").ShouldBe("true");

        var history = (await clerk.GetSupplyItemHistoryAsync(id)).Result;
        history.Items.Count(e => e.Type.StartsWith("stock_received_", StringComparison.Ordinal)).ShouldBe(1);
        (await clerk.GetSupplyItemAsync(id)).Result.OnHand.ShouldBe(10);

        // The same key with another body: 422 idempotency-key-reused, typed.
        await clerk.ReceiveStockAsync(id, new ReceiveStockRequest { Quantity = 11 }, idempotency_Key: key).ShouldFailWith(422, "idempotency-key-reused");
    }
}
