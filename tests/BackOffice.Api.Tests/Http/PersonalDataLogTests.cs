using System.Collections.Concurrent;
using BackOffice.Api.Tests.Recruiting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOffice.Api.Tests.Http;

/// <summary>
/// Security review, finding 2 (medium): no log line may carry a personal value. Marten's default logger writes the
/// parameters of a failed command — for the personal-data store, names, e-mails and résumés — into logs that erasure
/// cannot reach.
/// </summary>
[Collection(ApiCollection.Name)]
public class PersonalDataLogTests(ApiFixture api)
{
    [Fact]
    public async Task A_failed_personal_data_write_logs_the_failure_without_any_personal_value()
    {
        var marker = "Zorya-" + Guid.NewGuid().ToString("N")[..12];
        var trigger = "bo_test_refuse_" + Guid.NewGuid().ToString("N")[..8];
        await Sql($"""
            create or replace function api_tests.bo_test_refuse_marked() returns trigger language plpgsql as $f$
            begin
              if new.data::text like '%' || tg_argv[0] || '%' then raise exception 'refused by a test trigger'; end if;
              return new;
            end $f$;
            create trigger {trigger} before insert or update on api_tests.mt_doc_personaldatarecord
              for each row execute function api_tests.bo_test_refuse_marked('{marker}');
            """);
        try
        {
            var logs = new AllLogs();
            using var host = api.Variant(b =>
            {
                // Everything, Debug and Trace included: Marten's default logger also writes parameters of successful commands at Debug.
                b.UseSetting("Logging:LogLevel:Default", "Trace");
                b.UseSetting("Logging:LogLevel:Marten", "Trace");
                b.UseSetting("Logging:LogLevel:Microsoft", "Trace");
                b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
            });
            var hr = host.CreateClient();
            hr.DefaultRequestHeaders.Add("X-Api-Key", "demo-hr");
            hr.DefaultRequestHeaders.Add(Conformance.ContractConformance.InjectedFault, "trigger");
            var opening = await hr.Opening();
            var response = await hr.PostJson("/api/candidates", new
            {
                jobOpeningId = opening, name = "Ana " + marker, email = marker.ToLowerInvariant() + "@example.org", resume = "Résumé of " + marker,
            });
            response.IsSuccessStatusCode.ShouldBeFalse("the trigger refuses the personal-data write");

            // A personal-data write whose value travels as a command parameter (the store's own SQL path), refused too.
            var candidate = await hr.Apply(opening);
            var store = host.Services.GetRequiredService<Marten.IDocumentStore>();
            await using (var session = store.LightweightSession("demo"))
            {
                session.QueueSqlCommand(
                    "update api_tests.mt_doc_personaldatarecord set data = data || jsonb_build_object('correctedName', ?::text) where id = ? and tenant_id = 'demo'",
                    "Ana " + marker, candidate.SubjectId);
                await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync());
            }

            // The failure itself is logged (so that this test looks where the value would be)...
            logs.Entries.ShouldContain(e => e.Category.StartsWith("Marten", StringComparison.Ordinal) && e.Level >= LogLevel.Error);
            // ...and no line, exception or structured value carries the person's data.
            foreach (var entry in logs.Entries)
                entry.Text.ShouldNotContain(marker, Case.Insensitive, $"{entry.Category} {entry.Level}");
        }
        finally
        {
            await Sql($"drop trigger if exists {trigger} on api_tests.mt_doc_personaldatarecord");
        }
    }

    private static async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every log entry: message, exception (as its full text) and every structured value.</summary>
    private sealed class AllLogs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Text)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(AllLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = formatter(state, exception) + "\n" + exception;
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                    text += "\n" + string.Join("\n", values.Select(v => $"{v.Key}={v.Value}"));
                owner.Entries.Enqueue((category, logLevel, text));
            }
        }
    }
}
