using BackOffice.Domain.Integration;

namespace BackOffice.Domain.Tests.Integration;

public class WebhookSpecs
{
    private static readonly Guid Id = Spec.Id(900);
    private static readonly string[] Allowed = ["hooks.example.com", "*.partner.example"];
    private static readonly HashSet<string> Known = new(["stock_issued_v1", "stock_received_v2"], StringComparer.Ordinal);
    private static readonly WebhookRegistered Registered = new(Id, "https://hooks.example.com/bo", ["stock_issued_v1"], Spec.Now.AddDays(-1));
    private static readonly WebhookSuspended Suspended = new(Id, "failing", Spec.Now.AddHours(-25), Spec.Now.AddHours(-1));

    private static RegisterWebhook Register(string? url, params string[] types) => new(Id, url, types, Allowed, Known);

    [Fact]
    public void A_registration_names_an_allowed_target_and_known_types_once_each()
    {
        var registered = Spec.When(() => Webhook.Register(Register("https://hooks.example.com/bo", "stock_issued_v1", "stock_issued_v1"), Spec.As("integrator")))
            .EventOf<WebhookRegistered>();
        registered.EventTypes.ShouldBe(["stock_issued_v1"]);
        (registered with { EventTypes = Registered.EventTypes }).ShouldBe(Registered with { RegisteredAt = Spec.Now });
    }

    [Theory]
    [InlineData("https://evil.example.com/x", "url")]
    [InlineData("https://partner.example/x", "url")]               // *.partner.example: subdomains only
    [InlineData("ftp://hooks.example.com/x", "url")]
    [InlineData("https://user:pw@hooks.example.com/x", "url")]
    [InlineData("/relative", "url")]
    [InlineData(null, "url")]
    public void A_target_outside_the_allow_list_or_malformed_is_refused_naming_url(string? url, string field)
        => Spec.When(() => Webhook.Register(Register(url, "stock_issued_v1"), Spec.As("integrator"))).ThenRefused(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void A_subdomain_of_a_wildcard_entry_is_allowed()
        => WebhookTarget.Check("https://eu.partner.example/in", Allowed).IdnHost.ShouldBe("eu.partner.example");

    [Fact]
    public void Unknown_or_no_event_types_are_refused()
    {
        Spec.When(() => Webhook.Register(Register("https://hooks.example.com/bo", "no_such_v1"), Spec.As("integrator"))).ThenRefused(ErrorCodes.ValidationFailed, "eventTypes");
        Spec.When(() => Webhook.Register(Register("https://hooks.example.com/bo"), Spec.As("integrator"))).ThenRefused(ErrorCodes.ValidationFailed, "eventTypes");
    }

    [Fact]
    public void A_failing_subscription_is_suspended_once()
    {
        Spec.Given(Webhook.From, Registered).When(w => w.Suspend(new SuspendWebhook("failing", Spec.Now.AddHours(-25)), Spec.As("workflow:webhooks")))
            .Then(Suspended with { SuspendedAt = Spec.Now })
            .And(w => w.Delivers.ShouldBeFalse());
        Spec.Given(Webhook.From, Registered, Suspended).When(w => w.Suspend(new SuspendWebhook("again", Spec.Now), Spec.As("workflow:webhooks"))).ThenNothing();
    }

    [Fact]
    public void Only_a_suspended_subscription_resumes()
    {
        Spec.Given(Webhook.From, Registered, Suspended).When(w => w.Resume(Spec.As("integrator")))
            .Then(new WebhookResumed(Id, Spec.Now))
            .And(w => { w.Status.ShouldBe(WebhookStatus.Active); w.SuspendedReason.ShouldBeNull(); });
        Spec.Given(Webhook.From, Registered).When(w => w.Resume(Spec.As("integrator"))).ThenRefused(ErrorCodes.WebhookNotSuspended);
    }

    [Fact]
    public void A_deleted_subscription_is_not_found_by_any_command()
    {
        Spec.Given(Webhook.From, Registered).When(w => w.Delete(Spec.As("integrator"))).Then(new WebhookDeleted(Id, Spec.Now)).And(w => w.Delivers.ShouldBeFalse());
        var deleted = new WebhookDeleted(Id, Spec.Now.AddMinutes(-1));
        Spec.Given(Webhook.From, Registered, deleted).When(w => w.Delete(Spec.As("integrator"))).ThenRefused(ErrorCodes.NotFound);
        Spec.Given(Webhook.From, Registered, deleted).When(w => w.Resume(Spec.As("integrator"))).ThenRefused(ErrorCodes.NotFound);
    }
}
