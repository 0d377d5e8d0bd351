namespace ChatReport.Dialogs.Recognition;

/// <summary>How a message picked a choice.</summary>
public enum ChoiceMatchKind
{
    /// <summary>The whole message is the choice's value, title or a synonym.</summary>
    Exact = 0,

    /// <summary>The message is the choice's number in the list (2, 第二个, the second one, 最后一个).</summary>
    Index = 1,

    /// <summary>The message contains the choice (or a synonym), or is a distinctive part of it.</summary>
    Partial = 2,
}
