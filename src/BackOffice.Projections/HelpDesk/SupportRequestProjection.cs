using BackOffice.Domain.HelpDesk;
using BackOffice.Projections.Infrastructure;

namespace BackOffice.Projections.HelpDesk;

/// <summary>
/// The support request's snapshot, kept inline: commands load it, the details and the list read it. It holds no
/// free text (description, comments, resolution live in the personal-data store). Evolution is the domain's own
/// <see cref="SupportRequest.Evolve"/>.
/// </summary>
public sealed class SupportRequestProjection() : Snapshot<SupportRequest, ISupportRequestEvent>(SupportRequest.Evolve);

/// <summary>The tenant's help-desk settings, kept inline (one document per tenant). Evolution is <see cref="HelpDeskSettings.Evolve"/>.</summary>
public sealed class HelpDeskSettingsProjection() : Snapshot<HelpDeskSettings, IHelpDeskSettingsEvent>(HelpDeskSettings.Evolve);
