namespace BackOffice.Domain.Intranet;

/// <summary>The kinds of inbox items, as the HTTP contract names them.</summary>
public static class InboxKinds
{
    /// <summary>A reorder waits for a manager's approval (addressed to the manager role, never its requester).</summary>
    public const string ReorderAwaitingApproval = "reorder-awaiting-approval";
    /// <summary>An interview the user sits on (addressed to its interviewers).</summary>
    public const string InterviewScheduled = "interview-scheduled";
    /// <summary>Feedback the user owes on an interview that took place.</summary>
    public const string FeedbackDue = "feedback-due";
    /// <summary>A training assigned to the employee, due.</summary>
    public const string TrainingDue = "training-due";
    /// <summary>A training of the employee past its due day.</summary>
    public const string TrainingOverdue = "training-overdue";
    /// <summary>Correspondence routed to the employee or their department, to acknowledge.</summary>
    public const string CorrespondenceRouted = "correspondence-routed";
    /// <summary>Correspondence addressed to the employee or their department whose reply is overdue.</summary>
    public const string ReplyOverdue = "reply-overdue";
    /// <summary>A support request opened (it), assigned to the user, or the user's own request updated by support.</summary>
    public const string SupportRequestUpdated = "support-request-updated";
    /// <summary>A notice the employee must acknowledge.</summary>
    public const string NoticeToAcknowledge = "notice-to-acknowledge";
    /// <summary>A journal entry waits for a manager's approval (addressed to the manager role, never its poster).</summary>
    public const string JournalEntryAwaitingApproval = "journal-entry-awaiting-approval";
    /// <summary>A device's preventive maintenance is due or overdue (addressed to it).</summary>
    public const string MaintenanceDue = "maintenance-due";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ReorderAwaitingApproval, InterviewScheduled, FeedbackDue, TrainingDue, TrainingOverdue, CorrespondenceRouted, ReplyOverdue,
        SupportRequestUpdated, NoticeToAcknowledge, JournalEntryAwaitingApproval, MaintenanceDue,
    ];
}
