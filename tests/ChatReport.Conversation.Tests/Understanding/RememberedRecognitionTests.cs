using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Tests.Claims;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Tests.Understanding;

/// <summary>
/// The recognizers remember their results (a turn is recognised once before it enters the
/// database writer, and again inside it); a remembered result must never stand in for a call
/// whose inputs differ: another day, another zone, other rules, other learned words.
/// </summary>
public sealed class RememberedRecognitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly UserLocale Shanghai = UserLocale.Chinese(UserLocale.FindTimeZone("Asia/Shanghai"));

    [Fact]
    public void YesterdayIsRecognisedAgainstEachCallsOwnDay()
    {
        var first = DateTimeRecognition.Recognize("昨天下午扫雪", Shanghai, Now, DateTimePreference.Past);
        var again = DateTimeRecognition.Recognize("昨天下午扫雪", Shanghai, Now, DateTimePreference.Past);
        var nextDay = DateTimeRecognition.Recognize("昨天下午扫雪", Shanghai, Now.AddDays(1), DateTimePreference.Past);

        Assert.Equal(first[0].Start, again[0].Start);
        Assert.Equal(first[0].Start!.Value.AddDays(1), nextDay[0].Start);
    }

    [Fact]
    public void TheSameTextInAnotherTimeZoneIsRecognisedInThatZone()
    {
        var london = UserLocale.Chinese(UserLocale.FindTimeZone("Europe/London"));

        var inShanghai = DateTimeRecognition.Recognize("今天上午九点", Shanghai, Now, DateTimePreference.Past);
        var inLondon = DateTimeRecognition.Recognize("今天上午九点", london, Now, DateTimePreference.Past);

        Assert.Equal(TimeSpan.FromHours(8), inShanghai[0].Start!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, inLondon[0].Start!.Value.Offset);
    }

    [Fact]
    public void ChangedRulesGiveANewReadingOfTheSameSentence()
    {
        const string Sentence = "昨天在村口给大家修自行车";
        var before = RuleMatcher.Match(Sentence, DefaultRules.All);
        var repairs = new PointRule(
            999, "bike_repairs", "义务修车", "Bike repairs", RuleKind.Bonus, 5, null, null, ["修自行车"], true, 1, DateTimeOffset.UnixEpoch);
        var after = RuleMatcher.Match(Sentence, [.. DefaultRules.All, repairs]);

        Assert.DoesNotContain(before.Candidates, c => c.Rule.Code == "bike_repairs");
        Assert.Equal(RuleConfidence.Sure, after.Confidence);
        Assert.Equal("bike_repairs", after.Candidates[0].Rule.Code);
    }

    [Fact]
    public void LearnedWordsOfTheBranchChangeTheReading()
    {
        const string Sentence = "今天弄了一下柴火垛";
        var rule = DefaultRules.All.First(r => r.Kind == RuleKind.Bonus);
        var without = RuleMatcher.Match(Sentence, DefaultRules.All);
        var with = RuleMatcher.Match(Sentence, DefaultRules.All, [new LearnedWord(rule.Id, "柴火", 3)]);

        Assert.DoesNotContain(without.Candidates, c => c.Rule.Id == rule.Id);
        Assert.Contains(with.Candidates, c => c.Rule.Id == rule.Id);
    }
}
