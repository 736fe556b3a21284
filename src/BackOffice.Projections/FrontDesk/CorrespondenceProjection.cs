using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.Infrastructure;

namespace BackOffice.Projections.FrontDesk;

/// <summary>
/// The correspondence item's snapshot, kept inline (in the registering transaction, so the register number's unique
/// index guards it there): the register list, the item's details and the proof of no gap read it. No personal value.
/// Evolution is the domain's own <see cref="Correspondence.Evolve"/>.
/// </summary>
public sealed class CorrespondenceProjection() : Snapshot<Correspondence, ICorrespondenceEvent>(Correspondence.Evolve);
