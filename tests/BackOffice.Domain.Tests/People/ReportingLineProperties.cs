using BackOffice.Domain.People;
using CsCheck;

namespace BackOffice.Domain.Tests.People;

/// <summary>
/// For random sequences of transfers and re-parentings, each decided on the chain loaded from the current states (as
/// the API does), the reporting line and the department tree stay forests: walking up from any node reaches a root.
/// A refusal happens only when the change would really have closed a cycle.
/// </summary>
public class ReportingLineProperties
{
    private const int Nodes = 7;
    private static readonly Gen<(bool Department, int Node, int Parent)[]> Steps =
        Gen.Select(Gen.Bool, Gen.Int[0, Nodes - 1], Gen.Int[0, Nodes]).Array[1, 80];

    private static Guid NodeId(int n) => Spec.Id(1000 + n);

    private static bool IsForest(Func<Guid, Guid?> parentOf)
        => Enumerable.Range(0, Nodes).Select(NodeId).All(node =>
        {
            var current = parentOf(node);
            for (var step = 0; step <= Nodes; step++)
            {
                if (current is null) return true;
                if (current == node) return false;
                current = parentOf(current.Value);
            }
            return false;
        });

    [Fact]
    public void Transfers_and_reparentings_keep_forests()
        => Steps.Sample(steps =>
        {
            var employees = Enumerable.Range(0, Nodes).ToDictionary(NodeId, n => Employee.From(
                [new EmployeeHired(NodeId(n), Spec.Id(2000 + n), "Clerk", Spec.Id(600), null, new DateOnly(2026, 1, 5), null)])!);
            var departments = Enumerable.Range(0, Nodes).ToDictionary(NodeId, n => Department.From([new DepartmentCreated(NodeId(n), "D" + n, null, null)])!);
            Guid? Manager(Guid id) => employees[id].ManagerId;
            Guid? Parent(Guid id) => departments[id].ParentId;
            foreach (var (isDepartment, node, target) in steps)
            {
                var id = NodeId(node);
                Guid? parent = target == Nodes ? null : NodeId(target);
                try
                {
                    if (isDepartment)
                    {
                        var events = departments[id].Reparent(new ReparentDepartment(parent), ReportingLine.ChainFrom(parent, Parent));
                        departments[id] = events.Aggregate(departments[id], (d, e) => Department.Evolve(d, e)!);
                    }
                    else
                    {
                        var events = employees[id].Transfer(new TransferEmployee(Spec.Id(600), parent), ReportingLine.ChainFrom(parent, Manager), Spec.As("hr"));
                        employees[id] = events.Aggregate(employees[id], (s, e) => Employee.Evolve(s, e)!);
                    }
                }
                catch (DomainException refused) when (refused.Code == ErrorCodes.ReportingCycle)
                {
                    // the refused change would have made a cycle
                    Func<Guid, Guid?> would = isDepartment ? x => x == id ? parent : Parent(x) : x => x == id ? parent : Manager(x);
                    IsForest(would).ShouldBeFalse($"{(isDepartment ? "reparent" : "transfer")} {node} → {target} was refused but makes no cycle");
                }
                IsForest(Manager).ShouldBeTrue("the reporting line has a cycle");
                IsForest(Parent).ShouldBeTrue("the department tree has a cycle");
            }
        });
}
