namespace ChatReport.Conversation.Domain;

/// <summary>What reloading the rules file did. When <see cref="Errors"/> is not empty nothing was changed.</summary>
/// <param name="Source">The file that was read.</param>
/// <param name="Added">Codes of rules that were new.</param>
/// <param name="Updated">Codes of rules that changed (their version went up) or came back.</param>
/// <param name="Deactivated">Codes of rules no longer in the file; they stay for the claims made under them.</param>
/// <param name="Unchanged">How many rules were already as the file says.</param>
/// <param name="Errors">Why the file was refused, one line per problem, naming the rule.</param>
public sealed record RuleReloadResult(
    string Source,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Deactivated,
    int Unchanged,
    IReadOnlyList<string> Errors)
{
    /// <summary>True when the file was accepted (even if nothing changed).</summary>
    public bool Succeeded => Errors.Count == 0;
}
