namespace ChatReport.Conversation.Domain;

/// <summary>What a ledger entry records. The sign of the points follows the kind.</summary>
public enum LedgerKind
{
    /// <summary>A cycle's base points (never negative).</summary>
    Base,

    /// <summary>An award for an approved claim or a service task (never negative).</summary>
    Bonus,

    /// <summary>A violation deduction (always negative).</summary>
    Deduction,

    /// <summary>A correction by hand, of either sign; counts with the entry it refers to, else as bonus.</summary>
    Adjustment,

    /// <summary>Cancels an earlier entry exactly (opposite points, same rule, claim and task).</summary>
    Reversal,
}
