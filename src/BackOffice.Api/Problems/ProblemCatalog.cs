using BackOffice.Domain.Common;

namespace BackOffice.Api.Problems;

/// <summary>
/// The contract's error table in one place: every problem <c>code</c> with its HTTP status and title.
/// Domain error codes, framework failures and infrastructure faults all resolve here.
/// </summary>
public static class ProblemCatalog
{
    /// <summary>Problem codes that are not domain error codes.</summary>
    public static class Codes
    {
        public const string MalformedJson = "malformed-json";
        public const string Unauthenticated = "unauthenticated";
        public const string Forbidden = "forbidden";
        public const string VersionMismatch = "version-mismatch";
        public const string ConcurrencyConflict = "concurrency-conflict";
        public const string PayloadTooLarge = "payload-too-large";
        public const string UnsupportedMediaType = "unsupported-media-type";
        public const string IdempotencyKeyInFlight = "idempotency-key-in-flight";
        public const string IdempotencyKeyReused = "idempotency-key-reused";
        public const string RateLimited = "rate-limited";
        public const string Unavailable = "unavailable";
        public const string Internal = "internal-error";
    }

    private static readonly Dictionary<string, (int Status, string Title)> Entries = new(StringComparer.Ordinal)
    {
        [ErrorCodes.ValidationFailed] = (400, "The request is invalid."),
        [Codes.MalformedJson] = (400, "The request body is not valid JSON for this route."),
        [Codes.Unauthenticated] = (401, "Authentication is required."),
        [Codes.Forbidden] = (403, "You do not hold a role this action needs."),
        [ErrorCodes.SegregationOfDuties] = (403, "Segregation of duties forbids this action to you."),
        [ErrorCodes.NotFound] = (404, "Not found."),
        [ErrorCodes.InsufficientStock] = (409, "Not enough stock on hand."),
        [ErrorCodes.ReorderAlreadyOpen] = (409, "A reorder is already open."),
        [ErrorCodes.ReorderTransitionNotAllowed] = (409, "The reorder does not accept this action now."),
        [ErrorCodes.CountReasonRequired] = (409, "A count that differs from the book needs a reason."),
        [ErrorCodes.SupplyItemDiscontinued] = (409, "The supply item is discontinued."),
        [ErrorCodes.DuplicateSku] = (409, "The SKU is already used."),
        [ErrorCodes.NotAnInterviewer] = (403, "Only the interview's interviewers or hr may record feedback."),
        [ErrorCodes.StageTransitionNotAllowed] = (409, "The candidate's stage does not allow this."),
        [ErrorCodes.OfferExpired] = (409, "The offer has expired."),
        [ErrorCodes.OfferNeedsFeedback] = (409, "An offer needs at least one interview feedback."),
        [ErrorCodes.OfferNotOutstanding] = (409, "There is no outstanding offer."),
        [ErrorCodes.InterviewTransitionNotAllowed] = (409, "The interview does not accept this action now."),
        [ErrorCodes.FeedbackAlreadyRecorded] = (409, "You already recorded feedback for this interview."),
        [ErrorCodes.JobOpeningNotOpen] = (409, "The job opening is not open."),
        [ErrorCodes.CandidateAlreadyHired] = (409, "The candidate was already hired."),
        [ErrorCodes.SupportRequestTransitionNotAllowed] = (409, "The support request's status does not allow this."),
        [ErrorCodes.NotTheRequester] = (403, "Only the requester may do this."),
        [ErrorCodes.ReopenWindowPassed] = (409, "The request can no longer be reopened."),
        [ErrorCodes.EmployeeTerminated] = (409, "The employee is terminated: only a rehire is accepted."),
        [ErrorCodes.EmployeeNotTerminated] = (409, "Only a terminated employee can be rehired."),
        [ErrorCodes.FinalWarningRequired] = (409, "A dismissal needs a final warning in force, unless for gross misconduct."),
        [ErrorCodes.ReportingCycle] = (409, "The change would make a cycle in the departments or the reporting line."),
        [ErrorCodes.DuplicateUserName] = (409, "Another employee is already linked to this user name."),
        [ErrorCodes.TrainingAlreadyCompleted] = (409, "The training was already completed."),
        [ErrorCodes.EntryUnbalanced] = (400, "The entry's debits do not equal its credits."),
        [ErrorCodes.WebhookNotSuspended] = (409, "The webhook subscription is not suspended."),
        [ErrorCodes.DuplicateAccountCode] = (409, "The account code is already used."),
        [ErrorCodes.AccountNotOpen] = (409, "The account is frozen or closed."),
        [ErrorCodes.AccountNotFrozen] = (409, "The account is not frozen."),
        [ErrorCodes.AccountBalanceNotZero] = (409, "Only an account with a zero balance can be closed."),
        [ErrorCodes.PeriodClosed] = (409, "The period is closed."),
        [ErrorCodes.EntryNotAwaitingApproval] = (409, "The entry is not awaiting approval."),
        [ErrorCodes.EntryNotPosted] = (409, "The entry has not posted."),
        [ErrorCodes.EntryAlreadyReversed] = (409, "The entry was already reversed."),
        [ErrorCodes.DuplicateJournalCode] = (409, "The journal code is already used."),
        [ErrorCodes.SirenNotSet] = (409, "The ledger settings have no SIREN."),
        [ErrorCodes.DuplicateAssetTag] = (409, "The asset tag is already used."),
        [ErrorCodes.DeviceHasOpenTickets] = (409, "The device has open fault tickets."),
        [ErrorCodes.DeviceRetired] = (409, "The device is retired."),
        [ErrorCodes.TicketResolved] = (409, "The fault ticket is resolved: closed for good."),
        [ErrorCodes.RepairAlreadyUnderWay] = (409, "A repair is already under way on this ticket."),
        [ErrorCodes.NotAConsumable] = (409, "The device does not consume this supply item."),
        [ErrorCodes.NotTheAddressee] = (403, "Only the addressee or a clerk may acknowledge this item."),
        [ErrorCodes.CorrespondenceTransitionNotAllowed] = (409, "The correspondence item's status does not allow this."),
        [ErrorCodes.RegisterFull] = (409, "The year's correspondence register is full."),
        [ErrorCodes.NotInAudience] = (403, "The notice does not address you."),
        [ErrorCodes.NoticeWithdrawn] = (409, "The notice was withdrawn."),
        [ErrorCodes.NoticeNotAcknowledgeable] = (409, "The notice takes no acknowledgement now."),
        [ErrorCodes.SupportRequestNotEscalatable] = (409, "Only a hardware support request naming a device can be escalated."),
        [ErrorCodes.SupportRequestAlreadyEscalated] = (409, "The support request was escalated already."),
        [Codes.ConcurrencyConflict] = (409, "A concurrent change won; retry."),
        [Codes.IdempotencyKeyInFlight] = (409, "A request with this idempotency key is still running."),
        [Codes.VersionMismatch] = (412, "The resource changed since the version you sent in If-Match."),
        [Codes.PayloadTooLarge] = (413, "The request body is larger than 1 MiB."),
        [Codes.UnsupportedMediaType] = (415, "The request body must be application/json."),
        [Codes.IdempotencyKeyReused] = (422, "The idempotency key was used with another body."),
        [Codes.RateLimited] = (429, "Too many requests."),
        [Codes.Unavailable] = (503, "The service is temporarily unavailable."),
        [Codes.Internal] = (500, "Unexpected error."),
    };

    /// <summary>The HTTP status for a code (409 for an unknown domain code: a refusal by the current state).</summary>
    public static int StatusOf(string code) => Entries.TryGetValue(code, out var e) ? e.Status : StatusCodes.Status409Conflict;

    /// <summary>The title for a code.</summary>
    public static string TitleOf(string code) => Entries.TryGetValue(code, out var e) ? e.Title : "The current state refuses this action.";

    /// <summary>The stable problem type URI for a code.</summary>
    public static string TypeOf(string code) => "urn:backoffice:problem:" + code;

    /// <summary>Every code, for the OpenAPI document.</summary>
    public static IEnumerable<(string Code, int Status, string Title)> All => Entries.Select(e => (e.Key, e.Value.Status, e.Value.Title));
}
