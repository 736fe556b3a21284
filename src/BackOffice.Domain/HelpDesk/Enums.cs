namespace BackOffice.Domain.HelpDesk;

/// <summary>What a support request is about.</summary>
public enum SupportCategory
{
    /// <summary>Accounts, passwords, permissions.</summary>
    Access,
    /// <summary>A device.</summary>
    Hardware,
    /// <summary>An application.</summary>
    Software,
    /// <summary>Network, Wi-Fi, VPN.</summary>
    Network,
    /// <summary>The company intranet.</summary>
    Intranet,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>How urgent a support request is (the order is the urgency: <see cref="Critical"/> is the highest).</summary>
public enum SupportPriority
{
    /// <summary>Low.</summary>
    Low,
    /// <summary>Medium.</summary>
    Medium,
    /// <summary>High.</summary>
    High,
    /// <summary>Critical.</summary>
    Critical,
}

/// <summary>Where a support request stands.</summary>
public enum SupportRequestStatus
{
    /// <summary>Opened, nobody assigned.</summary>
    Open,
    /// <summary>An agent has it.</summary>
    Assigned,
    /// <summary>Waiting for the requester: the service-level clock is stopped.</summary>
    WaitingOnRequester,
    /// <summary>Resolved; the requester may confirm or reopen it within the window.</summary>
    Resolved,
    /// <summary>Confirmed, or closed by itself after the window.</summary>
    Closed,
}

/// <summary>The two service-level deadlines of a request.</summary>
public enum ServiceLevelKind
{
    /// <summary>Someone from support must respond (assign, comment or resolve).</summary>
    FirstResponse,
    /// <summary>The request must be resolved.</summary>
    Resolution,
}
