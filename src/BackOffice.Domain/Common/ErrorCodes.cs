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
    /// <summary>Only an employee a notice addresses may acknowledge it.</summary>
    public const string NotInAudience = "not-in-audience";
    /// <summary>The notice was withdrawn.</summary>
    public const string NoticeWithdrawn = "notice-withdrawn";
    /// <summary>The notice does not ask for acknowledgement, or is not in force.</summary>
    public const string NoticeNotAcknowledgeable = "notice-not-acknowledgeable";
}
