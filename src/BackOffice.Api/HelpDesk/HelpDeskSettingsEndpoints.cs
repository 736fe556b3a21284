using FluentValidation;
using System.Xml;
using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.HelpDesk;
using Marten;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// <c>GET /api/help-desk/settings</c> (every role) and <c>PUT /api/help-desk/settings</c> (it): the tenant's service
/// levels per priority and the reopen window, as ISO 8601 durations (<c>PT1H</c>, <c>P3D</c>). Requests opened
/// afterwards take the new values; open requests keep those they were opened with.
/// </summary>
public static class HelpDeskSettingsEndpoints
{
    /// <summary>The settings (also the body of the PUT).</summary>
    /// <param name="Critical">Critical requests.</param>
    /// <param name="High">High-priority requests.</param>
    /// <param name="Medium">Medium-priority requests.</param>
    /// <param name="Low">Low-priority requests.</param>
    /// <param name="ReopenWindow">How long after its resolution a request may be reopened; it closes by itself then (default <c>P7D</c>).</param>
    public sealed record Settings(Level? Critical, Level? High, Level? Medium, Level? Low, string? ReopenWindow) : IExample<Settings>
    {
        /// <inheritdoc />
        public static Settings Example => From(HelpDeskSettings.Defaults);
    }

    /// <summary>A service level.</summary>
    /// <param name="FirstResponse">Time to the first response (ISO 8601 duration, e.g. <c>PT1H</c>).</param>
    /// <param name="Resolution">Time to the resolution, clock running (ISO 8601 duration, e.g. <c>PT4H</c>, <c>P3D</c>).</param>
    public sealed record Level(string? FirstResponse, string? Resolution);

    /// <summary>The longest ISO 8601 duration accepted (<c>P366D</c>, <c>PT8784H</c>, <c>P1DT12H30M</c> all fit).</summary>
    public const int MaxDurationLength = 30;

    internal sealed class LevelValidator : AbstractValidator<Level>
    {
        public LevelValidator()
        {
            RuleFor(l => l.FirstResponse).MaxChars(MaxDurationLength);
            RuleFor(l => l.Resolution).MaxChars(MaxDurationLength);
        }
    }

    internal sealed class SettingsValidator : AbstractValidator<Settings>
    {
        public SettingsValidator()
        {
            RuleFor(s => s.ReopenWindow).MaxChars(MaxDurationLength);
            RuleFor(s => s.Critical!).SetValidator(new LevelValidator()).When(s => s.Critical is not null);
            RuleFor(s => s.High!).SetValidator(new LevelValidator()).When(s => s.High is not null);
            RuleFor(s => s.Medium!).SetValidator(new LevelValidator()).When(s => s.Medium is not null);
            RuleFor(s => s.Low!).SetValidator(new LevelValidator()).When(s => s.Low is not null);
        }
    }

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/help-desk/settings", async (IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var settings = await session.LoadAsync<HelpDeskSettings>(HelpDeskSettings.StreamId, http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(From(settings ?? HelpDeskSettings.Defaults));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetHelpDeskSettings")
            .WithSummary("The tenant's service levels and reopen window (the defaults until set)")
            .Produces<Settings>()
            .ProducesReadProblems();

        app.MapPut("/api/help-desk/settings", (Settings body, CommandExecutor executor, HttpContext http) =>
                executor.Within(async session =>
                {
                    var command = new ChangeHelpDeskSettings(LevelOf(body.Critical, "critical"), LevelOf(body.High, "high"),
                        LevelOf(body.Medium, "medium"), LevelOf(body.Low, "low"), Duration(body.ReopenWindow, "reopenWindow"));
                    var stream = await session.Events.FetchForExclusiveWriting<HelpDeskSettings>(HelpDeskSettings.StreamId, http.RequestAborted).ConfigureAwait(false);
                    var events = HelpDeskSettings.Change(stream.Aggregate, command);
                    var version = (stream.StartingVersion ?? stream.CurrentVersion ?? 0) + events.Count;
                    if (events.Count > 0) stream.AppendMany([.. events]);
                    await session.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
                    http.Response.Headers.ETag = ETags.Of(version);
                    return TypedResults.Ok(new CommandResponse(HelpDeskSettings.StreamId, version));
                }))
            .Validates<Settings, SettingsValidator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("ChangeHelpDeskSettings")
            .WithSummary("Set the tenant's service levels and reopen window (it)")
            .WithDescription("Every priority is required; durations are ISO 8601 (PT1H, P1D), positive, at most 366 days; a resolution is never shorter than its first response. Requests opened afterwards use them.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems();
    }

    internal static Settings From(HelpDeskSettings s) => new(Of(s.Critical), Of(s.High), Of(s.Medium), Of(s.Low), XmlConvert.ToString(s.ReopenWindow));

    private static Level Of(ServiceLevel level) => new(XmlConvert.ToString(level.FirstResponse), XmlConvert.ToString(level.Resolution));

    private static ServiceLevel LevelOf(Level? level, string field)
    {
        if (level is null) throw DomainException.Invalid(field, $"'{field}' is required.");
        return new ServiceLevel(Duration(level.FirstResponse, field + ".firstResponse"), Duration(level.Resolution, field + ".resolution"));
    }

    private static TimeSpan Duration(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw DomainException.Invalid(field, $"'{field}' is required (an ISO 8601 duration such as PT4H).");
        try
        {
            return XmlConvert.ToTimeSpan(value.Trim());
        }
        catch (FormatException)
        {
            throw DomainException.Invalid(field, $"'{field}' must be an ISO 8601 duration such as PT4H or P3D.");
        }
        catch (OverflowException)
        {
            throw DomainException.Invalid(field, $"'{field}' is too long.");
        }
    }
}
