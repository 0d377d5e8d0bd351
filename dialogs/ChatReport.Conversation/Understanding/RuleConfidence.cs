namespace ChatReport.Conversation.Understanding;

/// <summary>How sure the reading of a sentence's rule is.</summary>
public enum RuleConfidence
{
    /// <summary>Nothing points at a rule: offer them all.</summary>
    None = 0,

    /// <summary>Two or three rules are close, or one is only hinted at: ask, best first.</summary>
    Unsure = 1,

    /// <summary>One rule clearly: propose it in the summary.</summary>
    Sure = 2,

    /// <summary>The sentence tells of a deduction (没交党费), which members do not claim.</summary>
    Deduction = 3,
}
