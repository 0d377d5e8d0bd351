using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Recognition;

/// <summary>
/// The screen before the date models skips only texts the models find nothing in: every input of
/// this assembly's tables (the date and number tables among them), and each with the screen's
/// characters blanked, recognised with and without the screen.
/// </summary>
public sealed class DateTimeHintTests
{
    [Fact]
    public void ScreeningChangesNoResultOnAnyTableInput()
    {
        var texts = DateTimeHintCheck.InlineStrings(typeof(DateTimeHintTests).Assembly)
            .Concat(["帮邻居修水管", "给孤寡老人送米面油", "好的谢谢", "help me", "我想问一下怎么申报", "今天下午帮邻居修水管"])
            .ToList();

        DateTimeHintCheck.AssertSameAsUnscreened(texts, minSkipped: 20);
    }
}
