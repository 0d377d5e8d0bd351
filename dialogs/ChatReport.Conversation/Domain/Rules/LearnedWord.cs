namespace ChatReport.Conversation.Domain;

/// <summary>A word a branch used for a rule, with how many approved claims back it.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Word">The word (Chinese as cut, English as a lemma).</param>
/// <param name="ApprovedClaims">Approved claims under that rule whose sentence had the word; 0 while none is approved.</param>
public sealed record LearnedWord(long RuleId, string Word, int ApprovedClaims);
