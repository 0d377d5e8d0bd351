using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Claims;

/// <summary>What one report sentence said.</summary>
/// <param name="When">The date or time found, or null.</param>
/// <param name="Place">The place phrase (在村口 → 村口), or null.</param>
/// <param name="What">The sentence without its date and points.</param>
/// <param name="Rules">The bonus rules whose keywords it names, best first (several when unclear).</param>
/// <param name="Points">Points named explicitly (二十分, 20 points), or null.</param>
/// <param name="Time">What the sentence says of the time, as precisely as it says it (a day, or only a span), or null.</param>
/// <param name="Match">Which rule it is about and how sure that is.</param>
/// <param name="ContentWords">The words that say what was done, for learning the branch's words.</param>
public sealed record ParsedDeed(
    DateTimeResolution? When,
    string? Place,
    string What,
    IReadOnlyList<PointRule> Rules,
    int? Points,
    DeedTime? Time = null,
    RuleMatch? Match = null,
    IReadOnlyList<string>? ContentWords = null)
{
    /// <summary>The one rule the sentence clearly names, or null.</summary>
    public PointRule? Rule => Match is { } match ? match.Rule : Rules.Count == 1 ? Rules[0] : null;
}
