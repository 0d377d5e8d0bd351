namespace ChatReport.Dialogs.Prompts;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Buttons where the channel shows them (Web Chat, Direct Line, Telegram…), else a numbered list.</summary>
    Auto = 0,

    /// <summary>Buttons (suggested actions) that send the choice back as text.</summary>
    SuggestedActions = 1,

    /// <summary>A numbered list under the prompt text; the user answers with the text or the number.</summary>
    List = 2,

    /// <summary>Choices are not shown (the prompt text or a card already shows them).</summary>
    None = 3,
}
