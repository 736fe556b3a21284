using System.Text.Json;
using BackOffice.Api.Identity;
using Marten;
using Npgsql;

namespace BackOffice.Api.Demo;

/// <summary>What a seeding did.</summary>
/// <param name="Tenant">The tenant seeded.</param>
/// <param name="Commands">Commands run (0 when the tenant was seeded before).</param>
/// <param name="AlreadySeeded">True when an earlier run had seeded the tenant: nothing was added.</param>
public sealed record DemoSeedResult(string Tenant, int Commands, bool AlreadySeeded);

/// <summary>
/// Fills a tenant with five months of a small office's life, ending now (ADR 23): departments and people, supplies issued
/// and reordered (raised by the clerk, approved by the manager, received), ledger accounts and balanced entries, devices
/// with faults fixed and maintenance, the front-desk register, help-desk tickets, an intranet notice, and a recruiting
/// flow whose accepted offer the hire workflow turns into an employee. Every step is one of the API's own commands run
/// in-process (<see cref="DemoCalls"/>) as a named office member with a correlation id <c>demo-seed:…</c> and a reason,
/// at a simulated instant (<see cref="DemoClock"/>): the audit trail, the hash chain and the dashboards are genuine.
/// Idempotent: a tenant holding any event of a <c>demo-seed:</c> correlation is left as it is. Development only.
/// </summary>
public sealed partial class DemoSeeder(IServiceProvider services, IHostEnvironment environment, TimeProvider time, IDocumentStore store,
    Hosting.TenantDatabases databases, ILogger<DemoSeeder> logger)
{
    /// <summary>The tenant <c>scripts/run.sh --demo</c> seeds.</summary>
    public const string DefaultTenant = "demo";
    /// <summary>The prefix of the seed's correlation ids (its marker).</summary>
    public const string CorrelationPrefix = "demo-seed:";
    /// <summary>How far back the simulated office starts.</summary>
    public const int Days = 150;

    private static readonly DemoActor Clerk = new("demo-clerk", Roles.Clerk);
    private static readonly DemoActor Manager = new("demo-manager", Roles.Manager);
    private static readonly DemoActor Hr = new("demo-hr", Roles.Hr);
    private static readonly DemoActor Accountant = new("demo-accountant", Roles.Accountant);
    private static readonly DemoActor It = new("demo-it", Roles.It);

    /// <summary>Seeds <paramref name="tenant"/> unless it was seeded before.</summary>
    /// <exception cref="InvalidOperationException">Outside Development, or when the host's clock is not the <see cref="DemoClock"/>.</exception>
    public async Task<DemoSeedResult> SeedAsync(string tenant = DefaultTenant, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        if (!environment.IsDevelopment())
            throw new InvalidOperationException("Demo data is made in Development only; this host runs in " + environment.EnvironmentName + ".");
        if (time is not DemoClock)
            throw new InvalidOperationException("Demo data needs the Development host's DemoClock as its TimeProvider.");
        if (await SeededBeforeAsync(tenant, cancellation).ConfigureAwait(false))
        {
            LogAlreadySeeded(logger, tenant);
            return new DemoSeedResult(tenant, 0, true);
        }
        var end = time.GetUtcNow().AddMinutes(-10);
        var office = new DemoOffice(new DemoCalls(services, tenant), new DateTimeOffset(end.UtcDateTime.Date, TimeSpan.Zero).AddDays(-Days).AddHours(8), end, cancellation);
        await office.LiveAsync().ConfigureAwait(false);
        LogSeeded(logger, tenant, office.Calls.Count);
        return new DemoSeedResult(tenant, office.Calls.Count, false);
    }

    private async Task<bool> SeededBeforeAsync(string tenant, CancellationToken cancellation)
    {
        await using var command = databases.Of(tenant).DataSource.CreateCommand(
            $"select exists (select 1 from {store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = $1 and correlation_id like $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = CorrelationPrefix + "%" });
        return (bool)(await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: tenant {Tenant} was seeded before; nothing added")]
    private static partial void LogAlreadySeeded(ILogger logger, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: tenant {Tenant} seeded with {Commands} commands")]
    private static partial void LogSeeded(ILogger logger, string tenant, int commands);

    /// <summary>The office's months, as an agenda of steps run in the order of their simulated instants.</summary>
    private sealed class DemoOffice(DemoCalls calls, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellation)
    {
        private readonly PriorityQueue<(string Story, Func<DateTimeOffset, Task> Step), (DateTimeOffset, long)> agenda = new();
        private long order;
        private readonly Dictionary<string, Guid> departments = new(StringComparer.Ordinal);
        private readonly List<Guid> employees = [];
        private readonly Dictionary<string, Guid> accounts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Item> items = new(StringComparer.Ordinal);

        public DemoCalls Calls => calls;

        private sealed class Item(Guid id, int onHand, decimal unitCost, string supplier, int reorderQuantity, int par)
        {
            public int Par { get; } = par;
            public int ReorderQuantity { get; } = reorderQuantity;
            public Guid Id { get; } = id;
            public int OnHand { get; set; } = onHand;
            public decimal UnitCost { get; } = unitCost;
            public string Supplier { get; } = supplier;
        }

        private DateTimeOffset Day(int day, int hour = 9, int minute = 0) => start.AddDays(day).AddHours(hour - 8).AddMinutes(minute);

        private void At(DateTimeOffset when, string story, Func<DateTimeOffset, Task> step)
        {
            if (when > end) return;   // the office's future is not simulated
            agenda.Enqueue((story, step), (when, order++));
        }

        private Task<JsonElement> Run(DemoActor actor, DateTimeOffset at, string story, string method, string pattern, object? route, object? body, string? reason = null)
            => calls.Send(actor, at, CorrelationPrefix + story, method, pattern, route, body, reason, cancellation);

        private Task<JsonElement> Post(DemoActor actor, DateTimeOffset at, string story, string pattern, object? route, object? body, string? reason = null)
            => Run(actor, at, story, "POST", pattern, route, body, reason);

        private static Guid Id(JsonElement answer, string name = "id") => answer.GetProperty(name).GetGuid();

        private static string Date(DateTimeOffset at, int days = 0) => DateOnly.FromDateTime(at.UtcDateTime.AddDays(days)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public async Task LiveAsync()
        {
            At(Day(0, 8), "setup", Setup);
            for (var week = 0; week * 7 < Days; week++)
            {
                var w = week;
                At(Day(7 * w, 10), $"supplies-week-{w}", at => IssueSupplies(at, w));
                if (w % 2 == 1) At(Day(7 * w + 2, 15), $"purchases-week-{w}", at => PostPurchases(at, w));
                if (w % 4 == 3) At(Day(7 * w + 4, 11), $"sales-week-{w}", at => PostSales(at, w));
                if (w % 3 == 1) At(Day(7 * w + 2, 9), $"ticket-week-{w}", at => SupportTicket(at, w));
                if (w % 3 == 2) At(Day(7 * w + 3, 14), $"mail-week-{w}", at => FrontDesk(at, w));
            }
            At(Day(9, 16), "training", AssignTraining);
            At(Day(35, 11), "copier-jam", at => DeviceFault(at, "CP-0001", "Paper jam in tray 2", fixedInHouse: true));
            At(Day(84, 10), "printer-fault", at => DeviceFault(at, "PR-0002", "Streaks on every page", fixedInHouse: false));
            At(Day(90, 14), "copier-maintenance", CopierMaintenance);
            At(Day(70, 17), "warning", Warning);
            At(Day(100, 9), "notice-security", at => Notice(at, "Clean desk policy", "Lock your screen and file your papers before leaving the office."));
            At(end.AddDays(-40), "recruiting", OpenPosition);

            while (agenda.TryDequeue(out var step, out var when))
            {
                cancellation.ThrowIfCancellationRequested();
                await step.Step(when.Item1).ConfigureAwait(false);
            }
        }

        private async Task Setup(DateTimeOffset at)
        {
            foreach (var name in new[] { "Administration", "Accounting", "IT" })
                departments[name] = Id(await Post(Hr, at, "setup", "/api/departments", null, new { name }).ConfigureAwait(false));
            (string Name, string Position, string Department)[] people =
            [
                ("Claire Martin", "Office manager", "Administration"), ("Marc Dubois", "Receptionist", "Administration"),
                ("Julien Petit", "Accountant", "Accounting"), ("Sophie Bernard", "IT technician", "IT"),
            ];
            var n = 0;
            foreach (var (name, position, department) in people)
            {
                var email = name.ToLowerInvariant().Replace(' ', '.') + "@office.example";
                employees.Add(Id(await Post(Hr, at.AddMinutes(10 + n++), "setup", "/api/employees", null,
                    new { name, email, position, departmentId = departments[department], startDate = Date(at) }).ConfigureAwait(false)));
            }

            (string Sku, string Name, string Unit, string Category, int Point, int Quantity, int Par, int Initial, decimal Cost, string Supplier)[] supplies =
            [
                ("PAP-A4", "A4 copier paper, 80 g", "ream", "paper", 10, 30, 40, 40, 4.20m, "Papeterie Durand"),
                ("TON-BK", "Black toner cartridge", "cartridge", "toner", 2, 4, 6, 6, 79.00m, "Copy Service Ltd"),
                ("PEN-BL", "Blue ballpoint pens, box of 50", "box", "stationery", 2, 6, 8, 8, 11.50m, "Papeterie Durand"),
                ("COF-1KG", "Coffee beans, 1 kg", "bag", "kitchen", 2, 6, 8, 8, 17.90m, "Café Lebrun"),
            ];
            foreach (var s in supplies)
            {
                var id = Id(await Post(Clerk, at.AddMinutes(30), "setup", "/api/supply-items", null, new
                {
                    sku = s.Sku, name = s.Name, unit = s.Unit, category = s.Category, location = "Store room, shelf 1",
                    reorderPoint = s.Point, reorderQuantity = s.Quantity, parLevel = s.Par,
                }).ConfigureAwait(false));
                await Post(Clerk, at.AddMinutes(40), "setup", "/api/supply-items/{id:guid}/receipts", new { id },
                    new { quantity = s.Initial, unitCost = s.Cost, currency = "EUR" }, "Opening stock").ConfigureAwait(false);
                items[s.Sku] = new Item(id, s.Initial, s.Cost, s.Supplier, s.Quantity, s.Par);
            }

            (string Code, string Name, string Type)[] chart =
            [
                ("101000", "Share capital", "Equity"), ("401000", "Suppliers", "Liability"), ("411000", "Customers", "Asset"),
                ("512000", "Bank", "Asset"), ("606400", "Office supplies", "Expense"), ("615000", "Maintenance and repairs", "Expense"),
                ("706000", "Services", "Revenue"),
            ];
            foreach (var (code, name, type) in chart)
                accounts[code] = Id(await Post(Accountant, at.AddHours(1), "setup", "/api/accounts", null, new { code, name, type }).ConfigureAwait(false));
            await Entry(at.AddHours(2), "setup", "OD", "Opening balance: share capital paid in", "CAP-001", ("512000", 20_000m), ("101000", -20_000m)).ConfigureAwait(false);

            (string Tag, string Kind, string Make, string Model, string Location)[] devices =
            [
                ("CP-0001", "Copier", "Canon", "imageRUNNER 2630i", "Copy room"), ("PR-0002", "Printer", "HP", "LaserJet Pro 4002", "Accounting"),
            ];
            foreach (var d in devices)
            {
                var id = Id(await Post(It, at.AddHours(3), "setup", "/api/devices", null, new
                {
                    assetTag = d.Tag, kind = d.Kind, make = d.Make, model = d.Model, serial = "SN-" + d.Tag, location = d.Location,
                    purchasedOn = Date(at, -200), warrantyUntil = Date(at, 900),
                }).ConfigureAwait(false));
                devicesByTag[d.Tag] = id;
            }
            await Run(It, at.AddHours(3).AddMinutes(5), "setup", "PUT", "/api/devices/{id:guid}/maintenance-schedule", new { id = devicesByTag["CP-0001"] },
                new { everyDays = 90 }).ConfigureAwait(false);
            await Notice(at.AddHours(4), "Welcome to the back office", "Supplies, tickets, mail and the books are now kept here. Ask the IT desk for help.").ConfigureAwait(false);
        }

        private readonly Dictionary<string, Guid> devicesByTag = new(StringComparer.Ordinal);

        private async Task Entry(DateTimeOffset at, string story, string journal, string memo, string piece, params (string Account, decimal Amount)[] lines)
        {
            var answer = await Post(Accountant, at, story, "/api/journal-entries", null, new
            {
                date = Date(at), memo, journalCode = journal, pieceRef = piece, pieceDate = Date(at),
                lines = lines.Select(l => new { accountId = accounts[l.Account], debit = l.Amount > 0 ? l.Amount : (decimal?)null, credit = l.Amount < 0 ? -l.Amount : (decimal?)null }).ToArray(),
            }).ConfigureAwait(false);
            if (answer.GetProperty("status").GetString() != "Posted")
                await Post(Manager, at.AddHours(3), story, "/api/journal-entries/{id:guid}/approve", new { id = Id(answer) }, null).ConfigureAwait(false);
        }

        private async Task IssueSupplies(DateTimeOffset at, int week)
        {
            (string Sku, int Quantity, string Department, string Purpose)[] issues =
            [
                ("PAP-A4", 6 + week % 5, week % 2 == 0 ? "Administration" : "Accounting", "Printing and filing"),
                ("COF-1KG", 1 + week % 2, "Administration", "Kitchen"),
                ("PEN-BL", week % 3 == 0 ? 1 : 0, "Accounting", "Desk supplies"),
                ("TON-BK", week % 4 == 2 ? 1 : 0, "Administration", "Copier toner"),
            ];
            var story = $"supplies-week-{week}";
            foreach (var (sku, quantity, department, purpose) in issues)
            {
                var item = items[sku];
                if (quantity == 0 || item.OnHand < quantity) continue;
                var answer = await Post(Clerk, at, story, "/api/supply-items/{id:guid}/issues", new { id = item.Id },
                    new { quantity, departmentId = departments[department], purpose }).ConfigureAwait(false);
                item.OnHand -= quantity;
                at = at.AddMinutes(7);
                if (answer.GetProperty("reorderId").ValueKind == JsonValueKind.String)
                {
                    var reorderId = answer.GetProperty("reorderId").GetGuid();
                    var ordered = item.Par - item.OnHand > 0 ? item.Par - item.OnHand : item.ReorderQuantity;   // as the domain orders
                    var reorder = $"reorder-{sku}-week-{week}";
                    At(at.AddDays(1).AddHours(-1), reorder, t => Post(Manager, t, reorder, "/api/supply-items/{id:guid}/reorders/{reorderId:guid}/approve",
                        new { id = item.Id, reorderId }, null));
                    At(at.AddDays(1).AddHours(2), reorder, t => Post(Clerk, t, reorder, "/api/supply-items/{id:guid}/reorders/{reorderId:guid}/place",
                        new { id = item.Id, reorderId }, new { supplier = item.Supplier, expectedOn = Date(t, 3) }));
                    At(at.AddDays(4).AddHours(1), reorder, async t =>
                    {
                        await Post(Clerk, t, reorder, "/api/supply-items/{id:guid}/receipts", new { id = item.Id },
                            new { quantity = ordered, reorderId, unitCost = item.UnitCost, currency = "EUR" }, "Delivery note " + reorder).ConfigureAwait(false);
                        item.OnHand += ordered;
                    });
                }
            }
        }

        private Task PostPurchases(DateTimeOffset at, int week)
        {
            var amount = 180m + 35m * (week % 4);
            var piece = $"FA-{week:000}";
            return PurchaseAndPay(at, $"purchases-week-{week}", amount, piece);
        }

        private async Task PurchaseAndPay(DateTimeOffset at, string story, decimal amount, string piece)
        {
            await Entry(at, story, "AC", "Office supplies, invoice " + piece, piece, ("606400", amount), ("401000", -amount)).ConfigureAwait(false);
            await Entry(at.AddHours(1), story, "BQ", "Payment of invoice " + piece, piece, ("401000", amount), ("512000", -amount)).ConfigureAwait(false);
        }

        private async Task PostSales(DateTimeOffset at, int week)
        {
            var amount = 2_400m + 150m * (week % 3);
            var piece = $"VE-{week:000}";
            var story = $"sales-week-{week}";
            await Entry(at, story, "VE", "Monthly services, invoice " + piece, piece, ("411000", amount), ("706000", -amount)).ConfigureAwait(false);
            await Entry(at.AddDays(1), story, "BQ", "Customer payment " + piece, piece, ("512000", amount), ("411000", -amount)).ConfigureAwait(false);
        }

        private async Task SupportTicket(DateTimeOffset at, int week)
        {
            (string Category, string Priority, string Summary, string Description)[] tickets =
            [
                ("Access", "Medium", "Cannot sign in to the intranet", "My password expired while I was on leave."),
                ("Software", "Low", "Spreadsheet add-in missing", "The accounting add-in disappeared after the update."),
                ("Network", "High", "Wi-Fi drops in the meeting room", "Calls cut every few minutes in room 2."),
                ("Hardware", "Medium", "Second screen flickers", "The left screen flickers when the laptop is docked."),
            ];
            var t = tickets[week % tickets.Length];
            var story = $"ticket-week-{week}";
            var id = Id(await Post(Clerk, at, story, "/api/support-requests", null,
                new { category = t.Category, priority = t.Priority, summary = t.Summary, description = t.Description }).ConfigureAwait(false));
            await Post(It, at.AddMinutes(25), story, "/api/support-requests/{id:guid}/assign", new { id }, new { assignee = It.User }).ConfigureAwait(false);
            await Post(It, at.AddHours(2 + week % 5), story, "/api/support-requests/{id:guid}/resolve", new { id },
                new { resolution = "Fixed: " + t.Summary.ToLowerInvariant() + " (see the knowledge base)." }).ConfigureAwait(false);
        }

        private async Task FrontDesk(DateTimeOffset at, int week)
        {
            var story = $"mail-week-{week}";
            (string Direction, string Channel, string Subject, string Name, string Organization)[] mails =
            [
                ("Inbound", "Mail", "Quarterly VAT reminder", "Anne Leroy", "Service des impôts"),
                ("Inbound", "Fax", "Signed maintenance contract", "Paul Girard", "Copy Service Ltd"),
                ("Outbound", "Email", "Quote for monthly services", "Nadia Roux", "Roux & Fils"),
                ("Inbound", "Phone", "Delivery slot for paper", "Luc Moreau", "Papeterie Durand"),
            ];
            var m = mails[week % mails.Length];
            var answer = await Post(Clerk, at, story, "/api/correspondence", null, new
            {
                direction = m.Direction, channel = m.Channel, subject = m.Subject,
                correspondent = new { name = m.Name, organization = m.Organization },
                occurredAt = at.AddMinutes(-30), message = m.Channel == "Phone" ? "Call back to confirm the delivery slot." : null,
                callbackRequested = m.Channel == "Phone" ? true : (bool?)null,
            }).ConfigureAwait(false);
            var id = Id(answer);
            if (m.Direction == "Inbound")
                await Post(Clerk, at.AddMinutes(20), story, "/api/correspondence/{id:guid}/route", new { id },
                    new { departmentId = departments[m.Organization == "Service des impôts" ? "Accounting" : "Administration"] }).ConfigureAwait(false);
            await Post(Clerk, at.AddDays(2), story, "/api/correspondence/{id:guid}/close", new { id }, new { filingCode = "ADM-" + (week % 4 + 1) }).ConfigureAwait(false);
        }

        private async Task AssignTraining(DateTimeOffset at)
        {
            var n = 0;
            foreach (var employee in employees)
            {
                var training = (await Post(Hr, at.AddMinutes(n++), "training", "/api/employees/{id:guid}/trainings", new { id = employee },
                    new { course = "Fire safety", dueOn = Date(at, 45) }).ConfigureAwait(false)).GetProperty("trainingId").GetGuid();
                // Three of four complete it within the month; one is still due (compliance is not 100 %).
                if (n < employees.Count)
                {
                    var e = employee;
                    At(at.AddDays(10 + 5 * n), "training", t => Post(Hr, t, "training", "/api/employees/{id:guid}/trainings/{trainingId:guid}/complete",
                        new { id = e, trainingId = training }, new { completedOn = Date(t), validUntil = Date(t, 730) }));
                }
            }
        }

        private Task Warning(DateTimeOffset at) => Post(Manager, at, "warning", "/api/employees/{id:guid}/disciplinary-actions", new { id = employees[1] },
            new { level = "VerbalWarning", reason = "Repeated late opening of the front desk", expiresOn = Date(at, 180) }, "Agreed with hr");

        private Task<JsonElement> Notice(DateTimeOffset at, string title, string body) => Post(Manager, at, "notice-" + title.ToLowerInvariant().Replace(' ', '-'), "/api/notices", null,
            new { title, body, audience = new { allStaff = true }, requiresAcknowledgement = false, effectiveOn = Date(at) });

        private async Task DeviceFault(DateTimeOffset at, string tag, string symptom, bool fixedInHouse)
        {
            var id = devicesByTag[tag];
            var story = fixedInHouse ? "copier-jam" : "printer-fault";
            var ticketId = (await Post(Clerk, at, story, "/api/devices/{id:guid}/tickets", new { id }, new { symptom, severity = "Medium" }).ConfigureAwait(false))
                .GetProperty("ticketId").GetGuid();
            await Post(It, at.AddMinutes(40), story, "/api/devices/{id:guid}/tickets/{ticketId:guid}/troubleshooting", new { id, ticketId },
                new { steps = fixedInHouse ? "Opened tray 2, removed the jammed sheet, ran a test page" : "Cleaned the drum, printed a test page: still streaks",
                    outcome = fixedInHouse ? "Fixed" : "NotFixed" }).ConfigureAwait(false);
            if (fixedInHouse) return;   // troubleshooting that fixed it resolves the ticket
            await Post(It, at.AddHours(2), story, "/api/devices/{id:guid}/tickets/{ticketId:guid}/repair", new { id, ticketId },
                new { technician = "External", vendor = "Copy Service Ltd", cost = 149.90m, scheduledAt = at.AddDays(2) }).ConfigureAwait(false);
            At(at.AddDays(2).AddHours(3), story, async t =>
            {
                await Post(It, t, story, "/api/devices/{id:guid}/tickets/{ticketId:guid}/resolve", new { id, ticketId },
                    new { resolution = "Fuser unit replaced by the vendor" }).ConfigureAwait(false);
                await Entry(t.AddHours(1), story, "AC", "Printer repair, Copy Service Ltd", "FA-REP-1", ("615000", 149.90m), ("401000", -149.90m)).ConfigureAwait(false);
            });
        }

        private Task CopierMaintenance(DateTimeOffset at) => Post(It, at, "copier-maintenance", "/api/devices/{id:guid}/maintenance",
            new { id = devicesByTag["CP-0001"] }, new { performedOn = Date(at), notes = "Quarterly service: rollers cleaned, firmware updated" });

        private async Task OpenPosition(DateTimeOffset at)
        {
            const string story = "recruiting";
            var opening = Id(await Post(Hr, at, story, "/api/job-openings", null,
                new { title = "Accounts assistant", departmentId = departments["Accounting"], hiringManager = Manager.User, positions = 1 }).ConfigureAwait(false));
            (string Name, bool Passes, bool Hired)[] applicants = [("Léa Fontaine", true, true), ("Hugo Lambert", true, false), ("Emma Caron", false, false)];
            var day = 1;
            foreach (var applicant in applicants)
            {
                var a = applicant;
                var applied = at.AddDays(day++);
                At(applied, story, t => Apply(t, opening, a.Name, a.Passes, a.Hired));
            }
        }

        private async Task Apply(DateTimeOffset at, Guid opening, string name, bool passes, bool hired)
        {
            const string story = "recruiting";
            var email = name.ToLowerInvariant().Replace(' ', '.').Replace('é', 'e') + "@mail.example";
            var id = Id(await Post(Hr, at, story, "/api/candidates", null,
                new { jobOpeningId = opening, name, email, phone = "+33 1 23 45 67 89", resume = "Five years of bookkeeping in a small firm." }).ConfigureAwait(false));
            await Post(Hr, at.AddDays(2), story, "/api/candidates/{id:guid}/screen", new { id },
                new { passed = passes, notes = passes ? "Relevant experience" : "No accounting background" }).ConfigureAwait(false);
            if (!passes) return;
            await Post(Hr, at.AddDays(2).AddHours(1), story, "/api/candidates/{id:guid}/shortlist", new { id }, null).ConfigureAwait(false);
            var interviewAt = at.AddDays(8);
            var interview = (await Post(Hr, at.AddDays(3), story, "/api/candidates/{id:guid}/interviews", new { id },
                new { at = interviewAt, interviewers = new[] { Manager.User }, location = "Meeting room 2" }).ConfigureAwait(false)).GetProperty("interviewId").GetGuid();
            At(interviewAt.AddHours(2), story, async t =>
            {
                await Post(Manager, t, story, "/api/candidates/{id:guid}/interviews/{interviewId:guid}/feedback", new { id, interviewId = interview },
                    new { score = hired ? 5 : 2, recommendation = hired ? "Hire" : "NoHire", notes = hired ? "Precise and calm" : "Not ready for the role" }).ConfigureAwait(false);
                if (!hired)
                {
                    await Post(Hr, t.AddDays(1), story, "/api/candidates/{id:guid}/reject", new { id }, new { reason = "DoesNotFit" }).ConfigureAwait(false);
                    return;
                }
                await Post(Hr, t.AddDays(1), story, "/api/candidates/{id:guid}/offer", new { id },
                    new { salary = 2_900m, startDate = Date(end, 21), expiresOn = Date(end, 7) }).ConfigureAwait(false);
                // Accepted on the last simulated day: the hire workflow then makes the employee.
                At(end.AddHours(-1), story, t2 => Post(Hr, t2, story, "/api/candidates/{id:guid}/offer/accept", new { id }, null));
            });
        }
    }
}
