using System.Net.Http.Headers;
using BackOffice.Api.Demo;
using BackOffice.Api.FrontDesk;
using BackOffice.Api.HelpDesk;
using BackOffice.Api.Inventory;
using BackOffice.Api.Ledger;
using BackOffice.Api.People;
using BackOffice.Api.Recruiting;
using BackOffice.Api.Tests.Http;
using BackOffice.Projections.Audit;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Api.Tests.Demo;

/// <summary>
/// The demo data (ADR 23): months of an office made through the API's own commands, dated by the demo clock, genuine in
/// the dashboards and the chain, and made once. Seeds a tenant of its own (the switch seeds <c>demo</c>).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DemoSeederTests(ApiFixture api)
{
    [Fact]
    public async Task Seeds_months_of_a_small_office_through_the_commands_genuine_in_the_dashboards_and_the_chain_and_only_once()
    {
        var tenant = ApiFixture.FreshTenant("demo-seed-");
        var seeder = api.Services.GetRequiredService<DemoSeeder>();
        var before = DateTimeOffset.UtcNow;

        var first = await seeder.SeedAsync(tenant);

        first.AlreadySeeded.ShouldBeFalse();
        first.Commands.ShouldBeInRange(100, 400);
        var reader = Reader(tenant);
        // The accepted offer's hire workflow makes the employee: the funnel shows the hire.
        var recruiting = await Eventually(async () => await reader.GetAsync("/api/dashboards/recruiting").Ok<GetRecruitingDashboardEndpoint.Dashboard>(),
            d => d.Openings.Any(o => o.Hired == 1));
        recruiting.Openings.Single().Status.ShouldBe(Domain.Recruiting.JobOpeningStatus.Filled);
        await api.WaitForProjections(TimeSpan.FromSeconds(60));

        // Every dashboard shows an office at work.
        var inventory = await reader.GetAsync("/api/dashboards/inventory").Ok<GetInventoryDashboardEndpoint.Dashboard>();
        (inventory.Stock.Ok + inventory.Stock.Low + inventory.Stock.Out).ShouldBe(4);
        inventory.Consumption.Select(c => c.Month).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4, "supplies issued over months, dated by the demo clock");
        var people = await reader.GetAsync("/api/dashboards/people").Ok<GetPeopleDashboardEndpoint.Dashboard>();
        people.Headcount.ShouldBe(5, "four staff and the hire");
        var trial = await reader.GetAsync("/api/ledger/trial-balance").Ok<LedgerReadsEndpoints.TrialBalance>();
        trial.Lines.Count.ShouldBeGreaterThanOrEqualTo(6);
        trial.TotalDebit.ShouldBe(trial.TotalCredit);
        trial.TotalDebit.ShouldBeGreaterThan(20_000m);
        var helpDesk = await reader.GetAsync("/api/dashboards/help-desk").Ok<GetHelpDeskDashboardEndpoint.Dashboard>();
        helpDesk.MeanTimeToResolve.Resolved.ShouldBeGreaterThanOrEqualTo(5);
        helpDesk.MeanTimeToResolve.MeanSeconds.ShouldNotBeNull().ShouldBeLessThan(TimeSpan.FromDays(1).TotalSeconds);
        var frontDesk = await reader.GetAsync("/api/dashboards/front-desk").Ok<GetFrontDeskDashboardEndpoint.Dashboard>();
        frontDesk.VolumePerChannelPerMonth.Select(v => v.Month).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);

        // The events are dated over the simulated months, never in the future; the chain over them verifies.
        var (oldest, newest, months) = await Timestamps(tenant);
        (newest - oldest).ShouldBeGreaterThan(TimeSpan.FromDays(90));
        months.ShouldBeGreaterThanOrEqualTo(5);
        newest.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(5));
        oldest.ShouldBeLessThan(before.AddDays(-140));
        var chain = await reader.GetAsync("/api/audit/verify").Ok<ChainVerification>();
        chain.Valid.ShouldBeTrue();
        chain.CheckedEvents.ShouldBeGreaterThan(first.Commands);

        // A second run adds nothing.
        var events = await SeedersEvents(tenant);
        var second = await seeder.SeedAsync(tenant);
        second.ShouldBe(new DemoSeedResult(tenant, 0, AlreadySeeded: true));
        (await SeedersEvents(tenant)).ShouldBe(events);
    }

    [Fact]
    public void The_switch_stops_a_host_that_is_not_in_development()
    {
        using var production = api.Variant(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting(DemoSetup.SeedSetting, "true");
        });
        var refused = Should.Throw<Exception>(() => production.Server);
        Messages(refused).ShouldContain(m => m.Contains("demo data is made in Development only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_clock_is_the_flows_alone()
    {
        var clock = api.Services.GetRequiredService<TimeProvider>().ShouldBeOfType<DemoClock>();
        var simulated = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
        DateTimeOffset elsewhere = default;
        using (DemoClock.At(simulated))
        {
            clock.GetUtcNow().ShouldBe(simulated);
            await Task.Yield();
            clock.GetUtcNow().ShouldBe(simulated);
            // Another flow (a request, a workflow) started without it reads the real time.
            Task<DateTimeOffset> other;
            using (ExecutionContext.SuppressFlow()) other = Task.Run(clock.GetUtcNow);
            elsewhere = await other;
        }
        elsewhere.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        clock.GetUtcNow().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    private HttpClient Reader(string tenant)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create(sub: "demo-reader", tenant: tenant, roles: ["admin"]));
        return client;
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow > until) return value;
            await Task.Delay(200);
        }
    }

    private async Task<(DateTimeOffset Oldest, DateTimeOffset Newest, long Months)> Timestamps(string tenant)
    {
        await using var command = api.Services.GetRequiredService<BackOffice.Api.Hosting.TenantDatabases>().Of(tenant).DataSource.CreateCommand(
            $"select min(timestamp), max(timestamp), count(distinct date_trunc('month', timestamp at time zone 'utc')) from {api.Store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2));
    }

    /// <summary>The tenant's events made by the office's members (the workflows' later events are theirs, not the seeder's).</summary>
    private async Task<long> SeedersEvents(string tenant)
    {
        await using var command = api.Services.GetRequiredService<BackOffice.Api.Hosting.TenantDatabases>().Of(tenant).DataSource.CreateCommand(
            $"select count(*) from {api.Store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = $1 and user_name not like 'workflow:%'");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }
}
