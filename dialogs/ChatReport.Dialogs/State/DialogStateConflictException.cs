namespace ChatReport.Dialogs.State;

/// <summary>
/// A save lost a race: another turn saved the same stack after this turn loaded it. Nothing was
/// written. The runner reruns the turn once on fresh state, then apologises.
/// </summary>
public sealed class DialogStateConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DialogStateConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DialogStateConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store's error.</summary>
    public DialogStateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
