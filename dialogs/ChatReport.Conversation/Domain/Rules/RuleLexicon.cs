using System.Text.Json.Serialization;

namespace ChatReport.Conversation.Domain;

/// <summary>
/// The words members use for a rule's deed, from the rules file: what they do (actions: 扫, 铲,
/// 清理, shovel), to what (objects: 雪, 积雪, snow) and for whom (beneficiaries: 五保户, 贫困户,
/// elderly). Simplified, traditional and English side by side; English as lemmas (repair, not
/// repaired). An action with an object, or an action with a beneficiary, anywhere in a sentence
/// and in either order, points at the rule.
/// </summary>
/// <param name="Actions">Verbs of the deed.</param>
/// <param name="Objects">What the deed is done to or with.</param>
/// <param name="Beneficiaries">Who the deed is for.</param>
public sealed record RuleLexicon(IReadOnlyList<string> Actions, IReadOnlyList<string> Objects, IReadOnlyList<string> Beneficiaries)
{
    /// <summary>No words.</summary>
    public static RuleLexicon Empty { get; } = new([], [], []);

    /// <summary>True when the lexicon has no words at all.</summary>
    [JsonIgnore]
    public bool IsEmpty => Actions.Count == 0 && Objects.Count == 0 && Beneficiaries.Count == 0;

    /// <summary>True when both hold the same words in the same order.</summary>
    /// <param name="other">The other lexicon.</param>
    /// <returns>Whether they are the same.</returns>
    public bool SameWords(RuleLexicon other) =>
        other is not null
        && Actions.SequenceEqual(other.Actions, StringComparer.Ordinal)
        && Objects.SequenceEqual(other.Objects, StringComparer.Ordinal)
        && Beneficiaries.SequenceEqual(other.Beneficiaries, StringComparer.Ordinal);
}
