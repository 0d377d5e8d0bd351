namespace ChatReport.Conversation.Domain;

/// <summary>
/// A points rule as it stands now. Rules are never deleted: a claim keeps the rule id and the
/// <see cref="Version"/> it was made under, and an administrator's edit bumps the version.
/// </summary>
/// <param name="Id">The rule's number.</param>
/// <param name="Code">Its stable code in the rules file (<c>free_haircut</c>).</param>
/// <param name="NameZh">Its Chinese name (义务理发).</param>
/// <param name="NameEn">Its English name.</param>
/// <param name="Kind">Base, bonus or deduction.</param>
/// <param name="DefaultPoints">The points a claim or deduction takes unless someone says otherwise; never negative (a deduction of 5 is 5).</param>
/// <param name="CapPoints">The most a member may be awarded under this rule per <paramref name="CapPeriod"/>; null for no cap.</param>
/// <param name="CapPeriod">The period the cap applies to; null when there is no cap.</param>
/// <param name="Keywords">Words that suggest this rule in a report, in simplified and traditional Chinese and in English.</param>
/// <param name="IsActive">False once it disappeared from the rules file; old claims still refer to it.</param>
/// <param name="Version">Starts at 1 and goes up with every change.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Lexicon">The deed's actions, objects and beneficiaries, for understanding reports told in other words; empty when the file gives none.</param>
public sealed record PointRule(
    long Id,
    string Code,
    string NameZh,
    string NameEn,
    RuleKind Kind,
    int DefaultPoints,
    int? CapPoints,
    CapPeriod? CapPeriod,
    IReadOnlyList<string> Keywords,
    bool IsActive,
    int Version,
    DateTimeOffset UpdatedAt,
    RuleLexicon? Lexicon = null)
{
    /// <summary>The lexicon, or an empty one.</summary>
    public RuleLexicon Words => Lexicon ?? RuleLexicon.Empty;
}
