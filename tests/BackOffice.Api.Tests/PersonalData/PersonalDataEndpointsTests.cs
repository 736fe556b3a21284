using BackOffice.Api.Audit;
using BackOffice.Api.PersonalData;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Projections.Audit;
using BackOffice.Projections.PersonalData;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Api.Tests.PersonalData;

[Collection(ApiCollection.Name)]
public class PersonalDataEndpointsTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");

    /// <summary>Stores a person the way a context's command would: in a session, with a stream referring to them.</summary>
    private async Task<(Guid Subject, Guid Stream, string[] Values)> StorePerson()
    {
        var subject = Guid.CreateVersion7();
        var tag = Guid.NewGuid().ToString("N")[..10];
        string[] values = [$"Zoé Erasable-{tag}", $"zoe.{tag}@example.org", $"+41 79 {tag}", $"Rue du Lac {tag}, Genève", $"Résumé of {tag}: ten years of filing", $"Screening note {tag}: calm"];
        var stream = await api.As("demo-clerk").Register(); // stands in for a candidate's stream
        var store = api.Services.GetRequiredService<IPersonalDataStore>();
        await using var session = api.Store.LightweightSession("demo");
        await store.PutAsync(session, subject, new Dictionary<string, string?>
        {
            [PersonalFields.Name] = values[0], [PersonalFields.Email] = values[1], [PersonalFields.Phone] = values[2],
            [PersonalFields.Address] = values[3], [PersonalFields.Resume] = values[4], [PersonalFields.Notes] = values[5],
        });
        store.Refer(session, subject, stream, "supply_item");
        await session.SaveChangesAsync();
        return (subject, stream, values);
    }

    [Fact]
    public async Task Hr_reads_everything_held_then_erases_it_and_the_database_no_longer_contains_it()
    {
        var (subject, stream, values) = await StorePerson();
        var held = await hr.GetAsync($"/api/personal-data/{subject}").Ok<GetPersonalDataEndpoint.PersonalDataView>();
        held.SubjectId.ShouldBe(subject);
        held.PersonalDataErased.ShouldBeFalse();
        held.ErasedAt.ShouldBeNull();
        held.Fields["email"].ShouldBe(values[1]);
        held.Fields["resume"].ShouldBe(values[4]);
        held.Streams.ShouldBe([new GetPersonalDataEndpoint.StreamView(stream, "supply_item")]);
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.AllDatabases, "definitely-not-there-" + Guid.NewGuid());
        (await DatabaseDump.AllTextAsync(ApiFixture.AllDatabases)).ShouldContain(values[1]);

        var erase = await hr.DeleteAsync($"/api/personal-data/{subject}");
        ((int)erase.StatusCode).ShouldBe(204);

        var after = await hr.GetAsync($"/api/personal-data/{subject}").Ok<GetPersonalDataEndpoint.PersonalDataView>();
        after.PersonalDataErased.ShouldBeTrue();
        after.ErasedAt.ShouldNotBeNull();
        after.Fields.Count.ShouldBe(6);
        after.Fields.Values.ShouldAllBe(v => v == null);
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.AllDatabases, values);

        // The erasure is a fact of its own; the other facts and the chain stay intact.
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var auditor = api.As("demo-auditor");
        var trail = await auditor.GetAsync($"/api/audit/events?streamId={subject}").Ok<ListAuditEventsEndpoint.AuditPage>();
        trail.Items[0].Type.ShouldBe("personal_data_erased_v1");
        trail.Items[0].User.ShouldBe("demo-hr");
        (await auditor.GetAsync($"/api/audit/events?streamId={stream}").Ok<ListAuditEventsEndpoint.AuditPage>()).Items.Count.ShouldBe(1);
        (await auditor.GetAsync("/api/audit/verify").Ok<ChainVerification>()).Valid.ShouldBeTrue();
        (await api.As("demo-clerk").GetItem(stream)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task Erasing_twice_is_204_and_appends_one_fact()
    {
        var (subject, _, _) = await StorePerson();
        ((int)(await hr.DeleteAsync($"/api/personal-data/{subject}")).StatusCode).ShouldBe(204);
        ((int)(await api.As("demo-admin").DeleteAsync($"/api/personal-data/{subject}")).StatusCode).ShouldBe(204);
        await using var session = api.Store.QuerySession("demo");
        (await session.Events.FetchStreamAsync(subject)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_subject_or_another_tenants_subject_is_404()
    {
        await (await hr.GetAsync($"/api/personal-data/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await hr.DeleteAsync($"/api/personal-data/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        var (subject, _, _) = await StorePerson();
        await (await api.As("acme-admin").GetAsync($"/api/personal-data/{subject}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").DeleteAsync($"/api/personal-data/{subject}")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Only_hr_and_admins_reach_personal_data()
    {
        var (subject, _, _) = await StorePerson();
        await (await api.As("demo-auditor").GetAsync($"/api/personal-data/{subject}")).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-clerk").DeleteAsync($"/api/personal-data/{subject}")).ShouldBeProblem(403, "forbidden");
        await (await api.CreateClient().GetAsync($"/api/personal-data/{subject}")).ShouldBeProblem(401, "unauthenticated");
        (await api.As("demo-admin").GetAsync($"/api/personal-data/{subject}").Ok<GetPersonalDataEndpoint.PersonalDataView>()).SubjectId.ShouldBe(subject);
    }
}
