namespace ChatReport.Dialogs.Schema;

/// <summary>
/// Wire values of <c>inputHint</c>. The spec prose says "accepting"; the swagger and every SDK
/// send "acceptingInput", which is what channels understand.
/// </summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}
