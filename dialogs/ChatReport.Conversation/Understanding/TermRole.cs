namespace ChatReport.Conversation.Understanding;

/// <summary>What a term is in a rule's lexicon, for where a one-character term may stand.</summary>
public enum TermRole
{
    /// <summary>A keyword or a beneficiary: anywhere it occurs as words.</summary>
    Any = 0,

    /// <summary>An action: a word of its own, or the start of one (修好).</summary>
    Action = 1,

    /// <summary>An object: a word of its own, or the end of one (积雪).</summary>
    Target = 2,
}
