using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>One rule as the rules file states it, validated.</summary>
internal sealed record RuleDefinition(
    string Code,
    string NameZh,
    string NameEn,
    RuleKind Kind,
    int DefaultPoints,
    int? CapPoints,
    CapPeriod? CapPeriod,
    IReadOnlyList<string> Keywords,
    RuleLexicon? Lexicon = null)
{
    /// <summary>The lexicon, or an empty one.</summary>
    public RuleLexicon Words => Lexicon ?? RuleLexicon.Empty;
}
