namespace ChatReport.Bot.Notices;

public enum SignOffStatus
{
    /// <summary>Signed off now; the quarter is locked and the notice goes to the branch's groups.</summary>
    SignedOff,

    /// <summary>It had been signed off before; nothing changed (any group that missed the notice gets it now).</summary>
    AlreadySignedOff,

    /// <summary>Only the branch's secretary signs off.</summary>
    NotSecretary,

    /// <summary>The quarter has not ended yet.</summary>
    QuarterNotOver,

    /// <summary>No cycle for that year, or no such unit.</summary>
    NoSuchQuarter,
}
