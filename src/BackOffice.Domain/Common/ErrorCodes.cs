namespace BackOffice.Domain.Common;

/// <summary>The stable error codes the domain raises. They are part of the public contract: never rename one.</summary>
public static class ErrorCodes
{
    /// <summary>A field of the command is invalid in itself.</summary>
    public const string ValidationFailed = "validation-failed";
    /// <summary>The command refers to something that does not exist.</summary>
    public const string NotFound = "not-found";
    /// <summary>The same person may not both request and approve.</summary>
    public const string SegregationOfDuties = "segregation-of-duties";
    /// <summary>An issue asks for more than is on hand.</summary>
    public const string InsufficientStock = "insufficient-stock";
    /// <summary>A reorder is already open for the item.</summary>
    public const string ReorderAlreadyOpen = "reorder-already-open";
    /// <summary>The reorder is not in a state that accepts the command.</summary>
    public const string ReorderTransitionNotAllowed = "reorder-transition-not-allowed";
    /// <summary>A cycle count that differs from the book quantity needs a reason.</summary>
    public const string CountReasonRequired = "count-reason-required";
    /// <summary>The item is discontinued: no receipts and no reorders.</summary>
    public const string SupplyItemDiscontinued = "supply-item-discontinued";
    /// <summary>Another supply item of the tenant already has this SKU.</summary>
    public const string DuplicateSku = "duplicate-sku";
    /// <summary>The candidate's stage does not allow this command (the pipeline's transitions are fixed).</summary>
    public const string StageTransitionNotAllowed = "stage-transition-not-allowed";
    /// <summary>The offer expired before it was accepted.</summary>
    public const string OfferExpired = "offer-expired";
    /// <summary>An offer needs at least one interview feedback first.</summary>
    public const string OfferNeedsFeedback = "offer-needs-feedback";
    /// <summary>The offer was already accepted or declined.</summary>
    public const string OfferNotOutstanding = "offer-not-outstanding";
    /// <summary>Only the interview's interviewers (or hr) may record its feedback.</summary>
    public const string NotAnInterviewer = "not-an-interviewer";
    /// <summary>The interview is cancelled or already held and does not accept this command.</summary>
    public const string InterviewTransitionNotAllowed = "interview-transition-not-allowed";
    /// <summary>This interviewer already recorded feedback for this interview.</summary>
    public const string FeedbackAlreadyRecorded = "feedback-already-recorded";
    /// <summary>The job opening is filled or closed.</summary>
    public const string JobOpeningNotOpen = "job-opening-not-open";
    /// <summary>The candidate was already hired as another employee.</summary>
    public const string CandidateAlreadyHired = "candidate-already-hired";
    /// <summary>The support request's status does not allow this command.</summary>
    public const string SupportRequestTransitionNotAllowed = "support-request-transition-not-allowed";
    /// <summary>Only the requester may do this with their support request.</summary>
    public const string NotTheRequester = "not-the-requester";
    /// <summary>The resolved request can no longer be reopened (its window ended).</summary>
    public const string ReopenWindowPassed = "reopen-window-passed";
    /// <summary>The employee is terminated: nothing but a rehire is accepted.</summary>
    public const string EmployeeTerminated = "employee-terminated";
    /// <summary>Only a terminated employee can be rehired.</summary>
    public const string EmployeeNotTerminated = "employee-not-terminated";
    /// <summary>A dismissal (without gross misconduct) needs a final warning that has not expired.</summary>
    public const string FinalWarningRequired = "final-warning-required";
    /// <summary>The change would make a cycle in the department tree or in the reporting line.</summary>
    public const string ReportingCycle = "reporting-cycle";
    /// <summary>Another employee of the tenant is already linked to this user name.</summary>
    public const string DuplicateUserName = "duplicate-user-name";
    /// <summary>The training was already completed.</summary>
    public const string TrainingAlreadyCompleted = "training-already-completed";
    /// <summary>Another account of the tenant already has this code.</summary>
    public const string DuplicateAccountCode = "duplicate-account-code";
    /// <summary>The account is frozen or closed: it takes no posting.</summary>
    public const string AccountNotOpen = "account-not-open";
    /// <summary>Only a frozen account can be unfrozen.</summary>
    public const string AccountNotFrozen = "account-not-frozen";
    /// <summary>Only an account with a zero balance can be closed.</summary>
    public const string AccountBalanceNotZero = "account-balance-not-zero";
    /// <summary>The entry's debits do not equal its credits.</summary>
    public const string EntryUnbalanced = "entry-unbalanced";
    /// <summary>The entry is dated on or before the end of a closed period.</summary>
    public const string PeriodClosed = "period-closed";
    /// <summary>Only an entry awaiting approval can be approved.</summary>
    public const string EntryNotAwaitingApproval = "entry-not-awaiting-approval";
    /// <summary>An entry awaiting approval has not posted and cannot be reversed.</summary>
    public const string EntryNotPosted = "entry-not-posted";
    /// <summary>The entry was already reversed.</summary>
    public const string EntryAlreadyReversed = "entry-already-reversed";
    /// <summary>The journal code is already used.</summary>
    public const string DuplicateJournalCode = "duplicate-journal-code";
    /// <summary>The FEC needs the tenant's SIREN in the ledger settings.</summary>
    public const string SirenNotSet = "siren-not-set";
    /// <summary>Another device of the tenant already has this asset tag.</summary>
    public const string DuplicateAssetTag = "duplicate-asset-tag";
    /// <summary>A device with open fault tickets cannot be retired.</summary>
    public const string DeviceHasOpenTickets = "device-has-open-tickets";
    /// <summary>The device is retired and takes no more changes.</summary>
    public const string DeviceRetired = "device-retired";
    /// <summary>The fault ticket is resolved: closed for good.</summary>
    public const string TicketResolved = "ticket-resolved";
    /// <summary>The fault ticket is already under repair.</summary>
    public const string RepairAlreadyUnderWay = "repair-already-under-way";
    /// <summary>The device does not consume this supply item.</summary>
    public const string NotAConsumable = "not-a-consumable";
    /// <summary>Only the item's addressee (or a clerk) may acknowledge it.</summary>
    public const string NotTheAddressee = "not-the-addressee";
    /// <summary>The correspondence item's status does not allow this command.</summary>
    public const string CorrespondenceTransitionNotAllowed = "correspondence-transition-not-allowed";
    /// <summary>The year's correspondence register has used all its numbers.</summary>
    public const string RegisterFull = "register-full";
    /// <summary>Only an employee a notice addresses may acknowledge it.</summary>
    public const string NotInAudience = "not-in-audience";
    /// <summary>The notice was withdrawn.</summary>
    public const string NoticeWithdrawn = "notice-withdrawn";
    /// <summary>The notice does not ask for acknowledgement, or is not in force.</summary>
    public const string NoticeNotAcknowledgeable = "notice-not-acknowledgeable";
    /// <summary>The webhook subscription is not suspended (only a suspended one can be resumed).</summary>
    public const string WebhookNotSuspended = "webhook-not-suspended";
    /// <summary>Only a hardware support request naming a device can be escalated to a fault ticket.</summary>
    public const string SupportRequestNotEscalatable = "support-request-not-escalatable";
    /// <summary>The support request was escalated to a fault ticket already.</summary>
    public const string SupportRequestAlreadyEscalated = "support-request-already-escalated";
}
