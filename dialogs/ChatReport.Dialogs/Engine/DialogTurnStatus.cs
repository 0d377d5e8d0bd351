namespace ChatReport.Dialogs.Engine;

/// <summary>Where a dialog stack stands after a call.</summary>
public enum DialogTurnStatus
{
    /// <summary>Nothing was on the stack.</summary>
    Empty = 0,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting = 1,

    /// <summary>The last dialog on the stack ended, possibly with a result.</summary>
    Complete = 2,

    /// <summary>Everything on the stack was cancelled.</summary>
    Cancelled = 3,
}
