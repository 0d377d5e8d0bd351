namespace ChatReport.Dialogs.Runtime;

/// <summary>Why the runner threw a stored stack away.</summary>
internal enum RestartReason
{
    Expired = 0,
    DialogsChanged = 1,
    Unreadable = 2,
}
