namespace ChatReport.Dialogs.State;

/// <summary>
/// Stored dialog state could not be read as the type a dialog expects, typically because a deploy
/// changed a state record under a waiting conversation. The runner restarts the conversation
/// politely instead of failing every turn.
/// </summary>
public sealed class DialogStateFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DialogStateFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DialogStateFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parsing error.</summary>
    public DialogStateFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
