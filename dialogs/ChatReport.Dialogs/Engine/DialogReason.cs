namespace ChatReport.Dialogs.Engine;

/// <summary>Why a dialog is being resumed, or why it is ending.</summary>
public enum DialogReason
{
    /// <summary>The dialog was just begun.</summary>
    BeginCalled = 0,

    /// <summary>The user sent the next message.</summary>
    ContinueCalled = 1,

    /// <summary>The dialog (or the child it waited for) ended normally.</summary>
    EndCalled = 2,

    /// <summary>The dialog is being replaced by another one.</summary>
    ReplaceCalled = 3,

    /// <summary>All dialogs were cancelled.</summary>
    CancelCalled = 4,

    /// <summary>A waterfall step skipped ahead with <c>NextAsync</c>.</summary>
    NextCalled = 5,
}
