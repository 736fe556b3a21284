using BackOffice.Domain.Inventory;
using CsCheck;

namespace BackOffice.Domain.Tests.Inventory;

/// <summary>
/// Invariants of <see cref="SupplyItem"/> over random command sequences: every command is decided on the current
/// state (refusals are skipped, as the API would answer them), the events are folded, and after every step
/// onHand is never negative and equals receipts − issues ± count variances, onOrder equals the open reorder's
/// outstanding quantity, and at most one reorder is open.
/// </summary>
public class SupplyItemProperties
{
    private enum Kind { Receive, ReceiveOnReorder, Issue, Count, RequestReorder, Approve, Place, Cancel, Thresholds, Discontinue }

    private sealed record Step(Kind Kind, int Quantity, int User, bool TargetOpenReorder)
    {
        public override string ToString() => $"{Kind}({Quantity}, user{User}, {(TargetOpenReorder ? "open" : "other")})";
    }

    private static readonly Gen<Step> StepGen =
        Gen.Select(
            Gen.Frequency((4, Gen.Const(Kind.Receive)), (3, Gen.Const(Kind.ReceiveOnReorder)), (6, Gen.Const(Kind.Issue)),
                (2, Gen.Const(Kind.Count)), (2, Gen.Const(Kind.RequestReorder)), (3, Gen.Const(Kind.Approve)),
                (3, Gen.Const(Kind.Place)), (1, Gen.Const(Kind.Cancel)), (1, Gen.Const(Kind.Thresholds)),
                (1, Gen.Const(Kind.Discontinue))),
            Gen.Int[-2, 30], Gen.Int[0, 2], Gen.Int[0, 9].Select(n => n > 0),
            (kind, quantity, user, open) => new Step(kind, quantity, user, open));

    private static readonly Gen<(int Point, int Quantity, int? Par, Step[] Steps)> Scenario =
        Gen.Select(Gen.Int[0, 10], Gen.Int[1, 25], Gen.Int[0, 15].Select(p => p > 10 ? (int?)null : p),
            StepGen.Array[1, 60], (point, quantity, par, steps) => (point, quantity, par is null ? null : point + par, steps));

    [Fact]
    public void Stock_and_reorders_stay_consistent_over_any_command_sequence()
        => Scenario.Sample(s =>
        {
            var id = Guid.CreateVersion7();
            var history = new List<object>();
            history.AddRange(SupplyItem.Register(new RegisterSupplyItem(id, "SKU", "Paper", "ream", "paper", "B1", s.Point, s.Quantity, s.Par)));
            var ids = 0;
            var (received, issued, variances) = (0, 0, 0);
            foreach (var step in s.Steps)
            {
                var item = SupplyItem.From(history)!;
                var context = new DecisionContext("user" + step.User, Spec.Now, () => new Guid(++ids, 7, 7, new byte[8]));
                var reorderId = step.TargetOpenReorder && item.OpenReorder is { } open ? open.ReorderId : Guid.CreateVersion7();
                IReadOnlyList<IInventoryEvent> events;
                try
                {
                    events = step.Kind switch
                    {
                        Kind.Receive => item.Receive(new ReceiveStock(step.Quantity)),
                        Kind.ReceiveOnReorder => item.Receive(new ReceiveStock(step.Quantity, reorderId)),
                        Kind.Issue => item.Issue(new IssueStock(step.Quantity), context),
                        Kind.Count => item.Count(new CountStock(step.Quantity, step.User == 0 ? null : "recount"), context),
                        Kind.RequestReorder => item.RequestReorder(new RequestReorder(step.Quantity), context),
                        Kind.Approve => item.Approve(new ApproveReorder(reorderId), context),
                        Kind.Place => item.Place(new PlaceReorder(reorderId, "Staples"), context),
                        Kind.Cancel => item.Cancel(new CancelReorder(reorderId, "changed plans")),
                        Kind.Thresholds => item.ChangeThresholds(new ChangeReorderThresholds(step.Quantity, Math.Max(1, step.Quantity), null), context),
                        _ => item.Discontinue(new DiscontinueSupplyItem("replaced")),
                    };
                }
                catch (DomainException)
                {
                    continue;
                }

                var openBefore = item.OpenReorder is null ? 0 : 1;
                var raised = events.OfType<ReorderRaised>().Count();
                (openBefore + raised).ShouldBeLessThanOrEqualTo(1, "a reorder was raised while one was open");
                foreach (var e in events)
                {
                    switch (e)
                    {
                        case StockReceived r: received += r.Quantity; break;
                        case StockIssued i: issued += i.Quantity; break;
                        case StockCounted c: variances += c.Variance; break;
                    }
                }
                history.AddRange(events);

                var after = SupplyItem.From(history)!;
                after.OnHand.ShouldBeGreaterThanOrEqualTo(0);
                after.OnHand.ShouldBe(received - issued + variances);
                after.OnOrder.ShouldBe(OutstandingOfOpenReorders(history));
                OpenReorders(history).Count.ShouldBeLessThanOrEqualTo(1);
                if (after.Discontinued) after.OpenReorder.ShouldBeNull();
            }
        }, iter: 2_000);

    /// <summary>Reorders raised and neither cancelled nor fully received, computed from the events alone.</summary>
    private static List<Guid> OpenReorders(List<object> history)
    {
        var open = new List<Guid>();
        foreach (var e in history)
        {
            switch (e)
            {
                case ReorderRaised r: open.Add(r.ReorderId); break;
                case ReorderCancelled c: open.Remove(c.ReorderId); break;
                case StockReceived { ReorderId: { } id }:
                    if (Outstanding(history, id) == 0) open.Remove(id);
                    break;
            }
        }
        return open;
    }

    private static int OutstandingOfOpenReorders(List<object> history) => OpenReorders(history).Sum(id => Outstanding(history, id));

    private static int Outstanding(List<object> history, Guid reorderId)
    {
        var ordered = history.OfType<ReorderRaised>().Where(r => r.ReorderId == reorderId).Sum(r => r.Quantity);
        var received = history.OfType<StockReceived>().Where(r => r.ReorderId == reorderId).Sum(r => r.Quantity);
        return Math.Max(0, ordered - received);
    }
}
