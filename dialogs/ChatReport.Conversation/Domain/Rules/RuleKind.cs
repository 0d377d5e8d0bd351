namespace ChatReport.Conversation.Domain;

/// <summary>The three parts of a member's total: base + bonus − deduction.</summary>
public enum RuleKind
{
    /// <summary>Base points (基础积分) every member starts a cycle with.</summary>
    Base,

    /// <summary>A contribution bonus (贡献加分) members claim for good deeds.</summary>
    Bonus,

    /// <summary>A violation deduction (违规扣分) reviewers record.</summary>
    Deduction,
}
