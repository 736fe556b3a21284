using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace BackOffice.Bench;

/// <summary>
/// The ledger (issue 15): balanced journal entries posted by 32 clients, every one of them debiting ONE hot cash account
/// (and crediting one of 4 revenue accounts), over HTTP, against the same transaction shape written by hand and run by
/// <c>pgbench</c> on copies of the same tables in the same run: the tenant ledger's advisory lock shared, the two
/// accounts' stream rows <c>FOR SHARE</c> in id order, the ledger and account snapshots read, then in one statement the
/// journal's gapless number (<c>UPDATE … RETURNING</c> on the counter row), the entry's stream and event rows, its
/// snapshot and its two posting rows; <c>COMMIT</c>. Reports entries/s, the ratio, p50/p99, conflict answers, deadlocks
/// (<c>pg_stat_database</c>), and whether the cash balance equals the sum of the acknowledged entries.
/// </summary>
internal static class LedgerPhase
{
    private const string Tenant = "demo";
    private const string Schema = "backoffice";
    private const string Raw = "bench_rawledger";
    private const string Journal = "BQ";

    public static async Task Run(Settings s)
    {
        var api = s.Api ?? throw new ArgumentException("--api is required");
        var pgbench = s.PgBench ?? throw new ArgumentException("--pgbench is required");
        var figures = new JsonObject { ["machineAtStart"] = Machine.Describe(), ["clients"] = s.Clients };
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = s.Clients + 8, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchKeys.Accountant);

        var run = Guid.NewGuid().ToString("N")[..6];
        var cash = await OpenAccount(http, $"530-{run}", "Asset").ConfigureAwait(false);
        var revenues = new Guid[4];
        for (var i = 0; i < revenues.Length; i++) revenues[i] = await OpenAccount(http, $"706-{run}-{i}", "Revenue").ConfigureAwait(false);
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var acknowledged = new ConcurrentBag<decimal>();
        Task<string?> Post(int worker, Random random) => PostEntry(http, date, cash, revenues[random.Next(revenues.Length)], 1m + random.Next(0, 100_000) / 100m, worker % 2 == 0, acknowledged);

        var jit = await ClosedLoop.Run(s.Clients, s.ApiWarmUp, TimeSpan.FromSeconds(1), Post).ConfigureAwait(false);
        Console.WriteLine($"[ledger] API warmed up on the ledger ({jit.PerSecond:F0} entries/s in its last second)");
        var script = await PrepareRawShape(s.Connection, cash, revenues, int.Parse(date[..4], CultureInfo.InvariantCulture), s.WorkDir).ConfigureAwait(false);
        var before = await DatabaseCounters(s.Connection).ConfigureAwait(false);

        var raw = new List<ClosedLoop.Outcome>();
        var entries = new List<ClosedLoop.Outcome>();
        long rawFailed = 0;
        for (var round = 1; round <= s.Rounds; round++)
        {
            var (outcome, failed) = await PgBenchRunner.Run(pgbench, s, script, $"pgbench-ledger-{round}").ConfigureAwait(false);
            raw.Add(outcome); rawFailed += failed;
            Console.WriteLine($"[ledger] round {round} same-shape raw SQL (pgbench): {outcome.PerSecond:F0} entries/s, failed {failed} (load {Machine.LoadAverage()})");
            entries.Add(await ClosedLoop.Run(s.Clients, s.WarmUp, s.Window, Post).ConfigureAwait(false));
            Console.WriteLine($"[ledger] round {round} HTTP entries: {entries[^1].PerSecond:F0}/s, errors {entries[^1].Errors} {string.Join("; ", entries[^1].ErrorKinds.Select(k => $"{k.Value} × {k.Key}"))}");
        }

        // Statistics reach pg_stat_database when a backend goes idle (at most 10 s later in PostgreSQL 15) or exits.
        await Task.Delay(TimeSpan.FromSeconds(10.5)).ConfigureAwait(false);
        var after = await DatabaseCounters(s.Connection).ConfigureAwait(false);
        var balance = await CashBalance(http, cash).ConfigureAwait(false);

        var r = ClosedLoop.Combine(raw); var h = ClosedLoop.Combine(entries);
        figures["rawSameShape"] = r.ToJson();
        figures["rawSameShape"]!["failedTransactions"] = rawFailed;
        figures["httpEntries"] = h.ToJson();
        figures["ratioToRawShape"] = r.PerSecond > 0 ? Math.Round(h.PerSecond / r.PerSecond, 3) : -1;
        figures["conflictAnswers"] = h.ErrorKinds.Where(k => k.Key.StartsWith("HTTP 409", StringComparison.Ordinal)).Sum(k => k.Value);
        figures["deadlocks"] = after.Deadlocks - before.Deadlocks;
        figures["rollbacks"] = after.Rollbacks - before.Rollbacks;
        figures["acknowledgedEntries"] = acknowledged.Count;
        figures["balanceMatchesAcknowledged"] = balance == acknowledged.Sum();
        Console.WriteLine($"[ledger] deadlocks {after.Deadlocks - before.Deadlocks}, rollbacks {after.Rollbacks - before.Rollbacks}; cash balance {balance} " +
                          $"{(balance == acknowledged.Sum() ? "=" : "≠")} sum of {acknowledged.Count} acknowledged entries {acknowledged.Sum()}");
        PhaseResults.Write(s, figures);
    }

    private static async Task<Guid> OpenAccount(HttpClient http, string code, string type)
    {
        using var response = await http.PostAsync(new Uri("/api/accounts", UriKind.Relative),
            new StringContent($$"""{"code":"{{code}}","name":"Bench {{code}}","type":"{{type}}"}""", Encoding.UTF8, "application/json")).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"open account failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    private static async Task<string?> PostEntry(HttpClient http, string date, Guid cash, Guid revenue, decimal amount, bool cashFirst, ConcurrentBag<decimal> acknowledged)
    {
        var a = amount.ToString("0.00", CultureInfo.InvariantCulture);
        var debit = $$"""{"accountId":"{{cash}}","debit":{{a}},"credit":null}""";
        var credit = $$"""{"accountId":"{{revenue}}","debit":null,"credit":{{a}}}""";
        // Half the clients list the accounts in one order, half in the other: the lock order is the server's to keep.
        var json = $$"""{"date":"{{date}}","memo":"Cash sale","journalCode":"{{Journal}}","pieceRef":null,"pieceDate":null,"lines":[{{(cashFirst ? debit + "," + credit : credit + "," + debit)}}]}""";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/journal-entries", UriKind.Relative), content).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created) { acknowledged.Add(amount); return null; }
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var code = body.Contains("\"code\"", StringComparison.Ordinal) ? JsonNode.Parse(body)?["code"]?.ToString() : null;
        return $"HTTP {(int)response.StatusCode} {code}";
    }

    private static async Task<decimal> CashBalance(HttpClient http, Guid cash)
    {
        var body = await http.GetStringAsync(new Uri($"/api/accounts/{cash}", UriKind.Relative)).ConfigureAwait(false);
        return JsonNode.Parse(body)!["balance"]!.GetValue<decimal>();
    }

    private static async Task<(long Deadlocks, long Rollbacks)> DatabaseCounters(string connection)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("select deadlocks, xact_rollback from pg_stat_database where datname = current_database()", c);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The API's advisory lock key of a tenant's ledger (Api/Ledger/LedgerSql.cs).</summary>
    private static long LedgerKey(string tenant) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("ledger:" + tenant)), 0);

    /// <summary>
    /// Copies the tables a posting touches (same columns, indexes and the events' foreign key) into <see cref="Raw"/>,
    /// with the accounts, the ledger and the journal counters; keeps one posted entry's event, snapshot and posting as
    /// templates; writes the pgbench script. Returns its path.
    /// </summary>
    private static async Task<string> PrepareRawShape(string connection, Guid cash, Guid[] revenues, int year, string work)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync().ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"""
            drop schema if exists {Raw} cascade;
            create schema {Raw};
            create table {Raw}.mt_streams (like {Schema}.mt_streams including all);
            create table {Raw}.mt_events (like {Schema}.mt_events including all);
            alter table {Raw}.mt_events add foreign key (tenant_id, stream_id) references {Raw}.mt_streams (tenant_id, id);
            create sequence {Raw}.mt_events_sequence;
            create table {Raw}.mt_doc_account (like {Schema}.mt_doc_account including all);
            create table {Raw}.mt_doc_ledger (like {Schema}.mt_doc_ledger including all);
            create table {Raw}.mt_doc_journalentry (like {Schema}.mt_doc_journalentry including all);
            create table {Raw}.mt_doc_ledgerposting (like {Schema}.mt_doc_ledgerposting including all);
            create table {Raw}.bo_gapless_numbers (like {Schema}.bo_gapless_numbers including all);
            insert into {Raw}.mt_streams select * from {Schema}.mt_streams where tenant_id = '{Tenant}' and type in ('account', 'ledger');
            insert into {Raw}.mt_doc_account select * from {Schema}.mt_doc_account;
            insert into {Raw}.mt_doc_ledger select * from {Schema}.mt_doc_ledger;
            insert into {Raw}.bo_gapless_numbers select * from {Schema}.bo_gapless_numbers;
            create table {Raw}.revenue (n int primary key, id uuid not null);
            insert into {Raw}.revenue select n, (array[{string.Join(", ", revenues.Select(r => $"'{r}'::uuid"))}])[n] from generate_series(1, {revenues.Length}) n;
            create table {Raw}.template as
              select e.data as event_data, e.mt_dotnet_type as event_type, j.data as entry_data, p.data as posting_data
              from {Schema}.mt_events e
              join {Schema}.mt_doc_journalentry j on j.id = e.stream_id and j.tenant_id = e.tenant_id
              join {Schema}.mt_doc_ledgerposting p on p.data->>'entryId' = j.id::text and p.tenant_id = j.tenant_id and (p.data->>'line')::int = 0
              where e.type = 'journal_entry_posted_v1' and e.tenant_id = '{Tenant}' and j.data->>'journalCode' = '{Journal}'
              limit 1;
            analyze {Raw}.mt_streams; analyze {Raw}.mt_doc_account; analyze {Raw}.revenue;
            """, c))
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);

        var ledger = BackOffice.Domain.Ledger.Ledger.IdFor(Tenant);
        var accounts = $"array['{cash}'::uuid, (select id from {Raw}.revenue where n = :r::int)]";
        // No colon in the SQL but pgbench's variables (:r, :cents) and casts: pgbench takes ':name' anywhere, even inside a
        // string literal, for a variable (hence chr(58)).
        var script = $"""
            \set r random(1, {revenues.Length})
            \set cents random(100, 100099)
            BEGIN;
            select pg_advisory_xact_lock_shared({LedgerKey(Tenant)});
            select id from {Raw}.mt_streams where tenant_id = '{Tenant}' and id = any({accounts}) order by id for share;
            select d.data from {Raw}.mt_doc_ledger d where d.tenant_id = '{Tenant}' and d.id = '{ledger}';
            select d.data from {Raw}.mt_doc_account d where d.tenant_id = '{Tenant}' and d.id = any({accounts});
            with num as (update {Raw}.bo_gapless_numbers set last_value = last_value + 1 where tenant_id = '{Tenant}' and sequence_name = 'journal' || chr(58) || '{Journal}' and year = {year} returning last_value),
              e as (select gen_random_uuid() as id, (select id from {Raw}.revenue where n = :r::int) as revenue, round(:cents::bigint / 100.0, 2) as amount,
                           '{Journal}-{year}-' || lpad(num.last_value::text, 6, '0') as number from num),
              s as (insert into {Raw}.mt_streams (tenant_id, id, type, version, timestamp, created) select '{Tenant}', e.id, 'journal_entry', 1, now(), now() from e returning id),
              ev as (insert into {Raw}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, user_name)
                     select nextval('{Raw}.mt_events_sequence'), gen_random_uuid(), s.id, 1,
                            t.event_data || jsonb_build_object('entryId', e.id, 'number', e.number, 'total', e.amount,
                              'lines', jsonb_build_array(jsonb_build_object('accountId', '{cash}', 'debit', e.amount, 'credit', 0), jsonb_build_object('accountId', e.revenue, 'debit', 0, 'credit', e.amount))),
                            'journal_entry_posted_v1', now(), '{Tenant}', t.event_type, gen_random_uuid()::text, gen_random_uuid()::text, 'bench-accountant'
                     from s join e on e.id = s.id cross join {Raw}.template t),
              j as (insert into {Raw}.mt_doc_journalentry (tenant_id, id, data, mt_last_modified, mt_dotnet_type, mt_version, status)
                    select '{Tenant}', e.id, t.entry_data || jsonb_build_object('id', e.id, 'number', e.number, 'total', e.amount,
                              'lines', jsonb_build_array(jsonb_build_object('accountId', '{cash}', 'debit', e.amount, 'credit', 0), jsonb_build_object('accountId', e.revenue, 'debit', 0, 'credit', e.amount))),
                           now(), 'BackOffice.Domain.Ledger.JournalEntry', 1, 'Posted'
                    from e cross join {Raw}.template t)
            insert into {Raw}.mt_doc_ledgerposting (tenant_id, id, data, mt_last_modified, mt_dotnet_type, account_id, date, fiscal_year, recorded_at)
              select '{Tenant}', e.id::text || chr(58) || l.line, t.posting_data || jsonb_build_object('id', e.id::text || chr(58) || l.line, 'line', l.line, 'entryId', e.id, 'number', e.number,
                       'accountId', case when l.line = 0 then '{cash}'::uuid else e.revenue end, 'debit', case when l.line = 0 then e.amount else 0 end,
                       'credit', case when l.line = 0 then 0 else e.amount end, 'recordedAt', now()),
                     now(), 'BackOffice.Projections.Ledger.LedgerPosting', case when l.line = 0 then '{cash}'::uuid else e.revenue end,
                     (t.posting_data->>'date')::date, {year}, now()
              from e cross join {Raw}.template t cross join (values (0), (1)) as l(line);
            END;
            """;
        var path = Path.Combine(work, "ledger-entry.pgbench.sql");
        await File.WriteAllTextAsync(path, script.ReplaceLineEndings("\n")).ConfigureAwait(false);

        // The template must exist (one entry posted through the API in the journal), or the script would insert nothing.
        await using var check = new NpgsqlCommand($"select count(*) from {Raw}.template", c);
        if ((long)(await check.ExecuteScalarAsync().ConfigureAwait(false))! != 1) throw new InvalidOperationException("no posted entry to take as template");
        return path;
    }
}
