using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Prompts;

public sealed class DateTimePromptTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task YesterdayAfternoonIsARangeOnTheUsersYesterday()
    {
        await AskDialog.Flow(time => new DateTimePrompt("when", time), "什么时候？")
            .Send("hi")
            .AssertReply("什么时候？")
            .Send("昨天下午")
            .AssertResult<DateTimeResolution>(when =>
            {
                Assert.Equal(DateTimeResolutionKind.DateTimeRange, when.Kind);
                Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, Shanghai), when.Start);
                Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, Shanghai), when.End);
                Assert.Equal("2026-11-25TAF", when.Timex);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RelativeDatesFollowTheTimeZoneTheActivityNames()
    {
        // 2026-11-26 10:00 in Shanghai is still 2026-11-25 21:00 in New York.
        await AskDialog.Flow(time => new DateTimePrompt("when", time), "什么时候？")
            .Send(new Activity { Text = "hi", LocalTimezone = "America/New_York" })
            .AssertReply("什么时候？")
            .Send(new Activity { Text = "昨天", LocalTimezone = "America/New_York" })
            .AssertResult<DateTimeResolution>(when =>
            {
                Assert.Equal(new DateOnly(2026, 11, 24), when.Date);
                Assert.Equal(TimeSpan.FromHours(-5), when.Start!.Value.Offset);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WithoutATimeZoneTheLocalTimestampOffsetIsUsed()
    {
        var localTimestamp = new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.FromHours(-5));

        await AskDialog.Flow(time => new DateTimePrompt("when", time), "什么时候？")
            .Send(new Activity { Text = "hi", LocalTimestamp = localTimestamp })
            .AssertReply("什么时候？")
            .Send(new Activity { Text = "yesterday", LocalTimestamp = localTimestamp })
            .AssertResult<DateTimeResolution>(when => Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(-5)), when.Start))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AValidatorCanRefuseDatesInTheFuture()
    {
        var flow = default(DialogTestFlow);
        Task<PromptValidation> PastPromptValidatorAsync(PromptValidatorContext<DateTimeResolution> prompt, CancellationToken ct) =>
            Task.FromResult(prompt.Value.Start <= flow!.Time.GetUtcNow() ? PromptValidation.Accept : PromptValidation.Reject("不能是将来的时间，请重新说。"));
        flow = AskDialog.Flow(time => new DateTimePrompt("when", time, PastPromptValidatorAsync), "什么时候？");

        await flow
            .Send("hi")
            .AssertReply("什么时候？")
            .Send("明天")
            .AssertReply("不能是将来的时间，请重新说。")
            .Send("十月八日")
            .AssertResult<DateTimeResolution>(when => Assert.Equal(new DateOnly(2026, 10, 8), when.Date))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ADurationAloneIsNotAnAnswer()
    {
        await AskDialog.Flow(time => new DateTimePrompt("when", time), "什么时候？")
            .Send("hi")
            .AssertReply("什么时候？")
            .Send("两个小时")
            .AssertReply("没看懂这个时间，可以说“昨天下午”或“10月8日”。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AFuturePreferenceResolvesAWeekdayForward()
    {
        await AskDialog.Flow(time => new DateTimePrompt("when", time) { Preference = DateTimePreference.Future }, "哪天？")
            .Send("hi")
            .AssertReply("哪天？")
            .Send("周六")
            .AssertResult<DateTimeResolution>(when => Assert.Equal(new DateOnly(2026, 11, 28), when.Date))
            .RunAsync(TestContext.Current.CancellationToken);
    }
}
