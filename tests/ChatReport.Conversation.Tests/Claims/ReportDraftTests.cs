using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tests.Claims;

/// <summary>The report draft knows what it still lacks, in the order the dialog asks, without a dialog around it.</summary>
public sealed class ReportDraftTests
{
    private static readonly TimeZoneInfo Shanghai = UserLocale.FindTimeZone(UserLocale.DefaultTimeZoneId);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AnEmptyDraftAsksWhatThenWhenWhereRuleAndPhotoAndIsThenReady()
    {
        var draft = new ReportDraft();
        var asked = new List<ReportField?>();
        for (var i = 0; i < 10 && draft.Missing is { } missing; i++)
        {
            asked.Add(missing);
            draft = missing switch
            {
                ReportField.What => draft with { What = "扫雪" },
                ReportField.When => draft with { OccurredOn = new DateOnly(2026, 11, 25) },
                ReportField.Where => draft with { PlaceAsked = true },
                ReportField.Rule => draft with { RuleId = 3 },
                ReportField.Points => draft with { Points = 1, AskPoints = false },
                _ => draft with { PhotoAsked = true },
            };
        }

        Assert.Equal([ReportField.What, ReportField.When, ReportField.Where, ReportField.Rule, ReportField.Photo], asked);
        Assert.Null(draft.Missing);
    }

    [Fact]
    public void ASentenceThatSaysEverythingLeavesOnlyThePhotoToAsk()
    {
        var parsed = DeedSentenceParser.Parse("昨天下午在村口扫雪", DefaultRules.All, UserLocale.Chinese(Shanghai), Now);

        var draft = new ReportDraft().With(parsed, Shanghai);

        Assert.Equal(ReportField.Photo, draft.Missing);
        Assert.Equal((new DateOnly(2026, 11, 25), DayPart.Afternoon, false), (draft.OccurredOn, draft.DayPart, draft.TimeKnown));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero), draft.OccurredAt!.Value.ToUniversalTime());
        Assert.Equal("村口", draft.Place);
        Assert.Equal(DefaultRules.All.Single(r => r.Code == "snow_clearing").Id, draft.RuleId);
    }

    [Fact]
    public void ASpanKeepsTheDayMissingAndRemembersTheSpanToOfferItsDays()
    {
        var parsed = DeedSentenceParser.Parse("上个月帮村里修了水渠", DefaultRules.All, UserLocale.Chinese(Shanghai), Now);

        var draft = new ReportDraft().With(parsed, Shanghai);

        Assert.Equal(ReportField.When, draft.Missing);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (draft.Span!.SpanFirst, draft.Span.SpanLast));
    }

    [Fact]
    public void ANameOfRulesCloseTogetherLeavesTheRuleMissingWithTheCandidates()
    {
        var parsed = DeedSentenceParser.Parse("前天在包干区捡垃圾、拔杂草", DefaultRules.All, UserLocale.Chinese(Shanghai), Now);

        var draft = new ReportDraft().With(parsed, Shanghai);

        Assert.True(draft.Lacks(ReportField.Rule));
        Assert.Equal(2, draft.RuleCandidates.Count);
    }

    [Fact]
    public void ReopeningAFieldAsksForItAloneAgain()
    {
        var ready = new ReportDraft
        {
            What = "扫雪", OccurredOn = new DateOnly(2026, 11, 25), OccurredAt = Now, PlaceAsked = true, RuleId = 3, Points = 1, PhotoAsked = true, DuplicateAcknowledged = true,
        };
        Assert.Null(ready.Missing);

        Assert.Equal(ReportField.When, ready.Reopen(ReportField.When).Missing);
        Assert.False(ready.Reopen(ReportField.When).DuplicateAcknowledged);
        Assert.Equal(ReportField.Where, ready.Reopen(ReportField.Where).Missing);
        Assert.Equal(ReportField.Points, ready.Reopen(ReportField.Points).Missing);
        Assert.Equal(ReportField.Photo, ready.Reopen(ReportField.Photo).Missing);
        var what = ready.Reopen(ReportField.What);
        Assert.Equal((ReportField.What, true), (what.Missing!.Value, what.RedetectRule));
        var rule = ready.Reopen(ReportField.Rule);
        Assert.Equal((ReportField.Rule, true, (int?)null), (rule.Missing!.Value, rule.ShowAllRules, rule.Points));
    }

    [Fact]
    public void TheQuestionIsTheFieldToChangeThenACapOrARepeatToConfirmThenWhatIsMissing()
    {
        var noPhoto = new ReportDraft { What = "扫雪", OccurredOn = new DateOnly(2026, 11, 25), PlaceAsked = true, RuleId = 3, Points = 5 };

        Assert.Equal(ReportQuestion.Photo, noPhoto.Question);
        Assert.Equal(ReportQuestion.SameDay, (noPhoto with { SameDayClaimId = 7 }).Question);
        Assert.Equal(ReportQuestion.Cap, (noPhoto with { SameDayClaimId = 7, CapRemaining = 2 }).Question);
        Assert.Equal(ReportQuestion.Field, (noPhoto with { CapRemaining = 2, ChoosingField = true }).Question);
        Assert.Equal(ReportQuestion.What, new ReportDraft().Question);
        Assert.Null((noPhoto with { PhotoAsked = true }).Question);
    }
}
