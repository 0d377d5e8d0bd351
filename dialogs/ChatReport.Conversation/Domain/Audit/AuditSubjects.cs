namespace ChatReport.Conversation.Domain;

/// <summary>The subject types the audit log uses.</summary>
public static class AuditSubjects
{
    /// <summary>An organisation unit (subject id: the unit id).</summary>
    public const string Unit = "unit";

    /// <summary>A member (subject id: the member id).</summary>
    public const string Member = "member";

    /// <summary>A role (subject id: <c>unit/member/role</c>).</summary>
    public const string Role = "role";

    /// <summary>A join code (subject id: the code).</summary>
    public const string JoinCode = "join_code";

    /// <summary>A point rule (subject id: the rule code).</summary>
    public const string Rule = "rule";

    /// <summary>A claim (subject id: the claim id).</summary>
    public const string Claim = "claim";

    /// <summary>A ledger entry (subject id: the entry id).</summary>
    public const string LedgerEntry = "ledger_entry";

    /// <summary>A service task (subject id: the task id).</summary>
    public const string Task = "task";

    /// <summary>A cycle (subject id: its year).</summary>
    public const string Cycle = "cycle";

    /// <summary>A quarter of a branch (subject id: <c>unit/yearQquarter</c>).</summary>
    public const string Quarter = "quarter";

    /// <summary>A branch's learned word (subject id: <c>unit/word</c>).</summary>
    public const string LearnedWord = "learned_word";
}
