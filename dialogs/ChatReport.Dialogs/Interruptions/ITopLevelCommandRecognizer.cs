using ChatReport.Dialogs.Engine;

namespace ChatReport.Dialogs.Interruptions;

/// <summary>Knows the bot's top-level commands (申报, 我的积分, 排行榜, 加入 123456…); the member features implement it.</summary>
public interface ITopLevelCommandRecognizer
{
    /// <summary>
    /// True when <paramref name="text"/> (in <c>TextNormalizer.ForMatching</c> form) is a top-level
    /// command that should abandon what is waiting on <paramref name="dc"/> and start over. Look at
    /// <c>dc.ActiveDialogPath</c> to let a dialog keep answers that merely look like commands.
    /// </summary>
    bool IsTopLevelCommand(DialogContext dc, string text);
}
