using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Tests.Claims;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Tests.Understanding;

/// <summary>
/// The shipped lexicon keeps ambiguous words out of the strong evidence: a keyword names its rule
/// alone, so a word that fits two rules must not be a keyword of both.
/// </summary>
public sealed class RuleLexiconTests
{
    [Fact]
    public void NoKeywordNamesTwoBonusRules()
    {
        var shared = DefaultRules.All
            .Where(r => r.Kind == RuleKind.Bonus)
            .SelectMany(r => r.Keywords.Select(k => (Keyword: TextNormalizer.Normalize(k.Trim()).ToLowerInvariant(), r.Code)))
            .GroupBy(x => x.Keyword, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Code).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Code).Distinct(StringComparer.Ordinal))}")
            .ToList();

        Assert.Empty(shared);
    }

    [Theory]
    [InlineData("visited the museum yesterday")]
    [InlineData("前天晚上村里开群众会，我去帮忙登记")]
    [InlineData("gave my elderly neighbour a hand yesterday")]
    public void AWordThatFitsSeveralDeedsProposesNone(string sentence) =>
        Assert.NotEqual(RuleConfidence.Sure, RuleMatcher.Match(sentence, DefaultRules.All).Confidence);
}
