using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// What of a candidate the caller may read (http-api.md, "Reads"): free text about the person (résumé, screening
/// notes) and offers and salaries to hr only; an interview's feedback notes to hr and to that interview's
/// interviewers. Everything else of a candidate is open to every role of the tenant.
/// </summary>
/// <param name="User">The caller's user name.</param>
/// <param name="IsHr">Whether the caller holds hr (or admin).</param>
public sealed record CandidateReadAccess(string User, bool IsHr)
{
    /// <summary>The caller's access.</summary>
    public static CandidateReadAccess Of(RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CandidateReadAccess(request.User, request.Holds(Roles.Hr));
    }

    /// <summary>Résumé and screening notes.</summary>
    public bool FreeText => IsHr;

    /// <summary>Offers and salaries (on the candidate and on the recruiting dashboard).</summary>
    public bool Offers => IsHr;

    /// <summary>The feedback notes of <paramref name="interview"/>: hr, or one of its interviewers.</summary>
    public bool FeedbackNotesOf(Interview interview)
    {
        ArgumentNullException.ThrowIfNull(interview);
        return IsHr || interview.IsInterviewer(User);
    }
}
