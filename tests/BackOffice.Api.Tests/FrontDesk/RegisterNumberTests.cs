using BackOffice.Api.FrontDesk;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.FrontDesk;
using Npgsql;

namespace BackOffice.Api.Tests.FrontDesk;

[Collection(ApiCollection.Name)]
public class RegisterNumberTests(ApiFixture api)
{
    private static int Year => DateTime.UtcNow.Year;

    private static async Task<GetRegisterEndpoint.Register> Register(HttpClient client, int? year = null)
        => await (await client.GetAsync($"/api/correspondence/register?year={year ?? Year}")).ShouldBe<GetRegisterEndpoint.Register>(200);

    [Fact]
    public async Task Thirty_two_clients_register_at_once_some_failing_after_taking_a_number_and_the_register_has_no_gap_and_no_duplicate()
    {
        // Tenant acme: no other test registers correspondence there, so the counts are exact.
        var admin = api.As("acme-admin");
        var before = await Register(admin);
        before.Gaps.ShouldBeEmpty();

        // A forced failure after the number is taken: the snapshot insert (at SaveChanges, after the counter's UPDATE) raises.
        var trigger = "fail_" + RecruitingApi.Tag();
        await Sql($"""
            create function api_tests.{trigger}() returns trigger language plpgsql as $$
            begin raise exception 'forced failure of %', new.data->>'registerNumber'; end $$;
            create trigger {trigger} before insert on api_tests.mt_doc_correspondence for each row
            when (new.data->>'documentRef' like 'FAIL-%') execute function api_tests.{trigger}();
            """, "acme");
        try
        {
            var tag = RecruitingApi.Tag();
            var attempts = Enumerable.Range(0, 32).Select(async i =>
            {
                var fails = i % 4 == 3;
                var response = await api.As("acme-admin").PostJson("/api/correspondence",
                    FrontDeskApi.Letter($"{tag}-{i}", documentRef: fails ? $"FAIL-{tag}-{i}" : $"OK-{tag}-{i}"),
                    h => { if (fails) h.Add(Http.Conformance.ContractConformance.InjectedFault, "trigger"); });
                return (fails, response);
            }).ToList();
            var results = await Task.WhenAll(attempts);

            var numbers = new List<string>();
            foreach (var (fails, response) in results)
            {
                if (fails) ((int)response.StatusCode).ShouldBe(500, await response.Content.ReadAsStringAsync());
                else numbers.Add((await response.ShouldBe<RegisterCorrespondenceEndpoint.Response>(201)).RegisterNumber);
            }
            numbers.Count.ShouldBe(24);
            numbers.Distinct().Count().ShouldBe(24, "no number is given twice");
            var sequences = numbers.Select(n => RegisterNumber.TryParse(n, out var parsed) ? parsed.Sequence : -1).Order().ToList();
            var first = before.Count + 1;
            sequences.ShouldBe(Enumerable.Range(first, 24), "the successful registrations hold the next 24 numbers: the failures gave theirs back");

            var after = await Register(admin);
            after.Count.ShouldBe(before.Count + 24);
            after.Gaps.ShouldBeEmpty();
            after.First.ShouldBe(new RegisterNumber(Year, 1).ToString());
            after.Last.ShouldBe(new RegisterNumber(Year, before.Count + 24).ToString());
        }
        finally
        {
            await Sql($"drop trigger {trigger} on api_tests.mt_doc_correspondence; drop function api_tests.{trigger}();", "acme");
        }
    }

    [Fact]
    public async Task The_proof_reads_the_stored_numbers_and_reports_every_hole()
    {
        var empty = GetRegisterEndpoint.Prove(2026, []);
        (empty.First, empty.Last, empty.Count, empty.Gaps.Count).ShouldBe((null, null, 0, 0));
        var proof = GetRegisterEndpoint.Prove(2026, [5, 1, 2, 9, 6]);
        proof.Count.ShouldBe(5);
        proof.First.ShouldBe("2026-000001");
        proof.Last.ShouldBe("2026-000009");
        proof.Gaps.ShouldBe([new GetRegisterEndpoint.Gap("2026-000003", "2026-000004", 2), new GetRegisterEndpoint.Gap("2026-000007", "2026-000008", 2)]);
        GetRegisterEndpoint.Prove(2026, [3]).Gaps.ShouldBe([new GetRegisterEndpoint.Gap("2026-000001", "2026-000002", 2)]);

        var clerk = api.As("demo-clerk");
        var none = await Register(clerk, 1999);
        (none.Year, none.First, none.Last, none.Count, none.Gaps.Count).ShouldBe((1999, null, null, 0, 0));
        await (await clerk.GetAsync("/api/correspondence/register?year=0")).ShouldBeProblem(400, "validation-failed");
        await (await clerk.GetAsync("/api/correspondence/register?year=soon")).ShouldBeProblem(400, "validation-failed");
        var current = await (await clerk.GetAsync("/api/correspondence/register")).ShouldBe<GetRegisterEndpoint.Register>(200);
        current.Year.ShouldBe(Year);
    }

    [Fact]
    public async Task The_stored_number_is_unique_per_tenant_by_database_constraint()
    {
        var clerk = api.As("demo-clerk");
        var item = await clerk.Registered(FrontDeskApi.Letter(RecruitingApi.Tag()));
        var other = await clerk.Registered(FrontDeskApi.Letter(RecruitingApi.Tag()));
        var error = await Should.ThrowAsync<PostgresException>(() => Sql(
            $"update api_tests.mt_doc_correspondence set data = jsonb_set(data, '{{registerNumber}}', to_jsonb('{item.RegisterNumber}'::text)) where id = '{other.Id}'"));
        error.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    private static async Task Sql(string sql, string tenant = "demo")
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor(tenant));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
