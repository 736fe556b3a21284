using BackOffice.Api.Commands;
using BackOffice.Api.FrontDesk;
using BackOffice.Api.PersonalData;
using BackOffice.Api.Tests.Recruiting;
using Marten;
using Marten.Events;

namespace BackOffice.Api.Tests.FrontDesk;

[Collection(ApiCollection.Name)]
public class FrontDeskPersonalDataTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient hr = api.As("demo-hr");

    [Fact]
    public async Task Erasing_a_correspondent_leaves_no_name_in_the_database_while_the_register_numbers_stay()
    {
        var tag = RecruitingApi.Tag();
        var email = $"erin.{tag}@example.org";
        var letter = await clerk.Registered(FrontDeskApi.Letter(tag, email: email));
        var call = await clerk.Registered(new
        {
            direction = "Inbound", channel = "Phone", subject = $"Call from Erin {tag}",
            correspondent = new { name = $"Erin Erasable-{tag}", email = email.ToUpperInvariant(), phone = "+41 79 555 01 02" },
            occurredAt = DateTimeOffset.UtcNow.ToString("O"), message = $"Erin {tag} will call again", callbackRequested = false,
        });
        call.SubjectId.ShouldBe(letter.SubjectId, "a known correspondent (same e-mail, any case) keeps one subject");

        var held = await (await hr.GetAsync($"/api/personal-data/{letter.SubjectId}")).ShouldBe<GetPersonalDataEndpoint.PersonalDataView>(200);
        held.Fields["name"].ShouldBe($"Erin Erasable-{tag}", "the latest name given replaces the earlier one");
        held.Fields["organization"].ShouldBe($"Roe Ltd {tag}", "a value not given again is kept");
        held.Fields[CorrespondenceFields.Subject(letter.Id)].ShouldBe($"Invoice dispute {tag}");
        held.Fields[CorrespondenceFields.Message(call.Id)].ShouldBe($"Erin {tag} will call again");
        held.Streams.Select(s => (s.StreamId, s.StreamType)).Order().ShouldBe(new[] { (letter.Id, "correspondence"), (call.Id, "correspondence") }.Order());
        string[] values = [$"Jane Roe-{tag}", $"Erin Erasable-{tag}", email, $"Roe Ltd {tag}", $"1 rue {tag}, Paris", $"Invoice dispute {tag}", $"Erin {tag} will call again", $"Call from Erin {tag}"];
        var dump = await DatabaseDump.AllTextAsync(ApiFixture.AllDatabases);
        dump.ShouldContain($"Erin Erasable-{tag}");
        dump.Split('\n').Where(l => l.Contains("mt_events", StringComparison.Ordinal)).ShouldAllBe(l => !values.Any(v => l.Contains(v)));

        await (await clerk.DeleteAsync($"/api/personal-data/{letter.SubjectId}")).ShouldBeProblem(403, "forbidden");
        ((int)(await hr.DeleteAsync($"/api/personal-data/{letter.SubjectId}")).StatusCode).ShouldBe(204);

        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.AllDatabases, values);
        foreach (var (id, number) in new[] { (letter.Id, letter.RegisterNumber), (call.Id, call.RegisterNumber) })
        {
            var erased = await hr.Item(id);
            erased.PersonalDataErased.ShouldBeTrue();
            erased.Correspondent.ShouldBeNull();
            erased.Subject.ShouldBeNull();
            erased.Message.ShouldBeNull();
            erased.RegisterNumber.ShouldBe(number);
        }
        (await (await clerk.GetAsync($"/api/correspondence/register?year={DateTime.UtcNow.Year}")).ShouldBe<GetRegisterEndpoint.Register>(200)).Gaps.ShouldBeEmpty();

        // The same address writing again is a new subject: the erased one is not revived.
        var again = await clerk.Registered(FrontDeskApi.Letter(tag + "x", email: email));
        again.SubjectId.ShouldNotBe(letter.SubjectId);
        await (await clerk.PostJson($"/api/correspondence/{again.Id}/close", new { filingCode = "F" })).ShouldBe<CommandResponse>(200);
    }
}
