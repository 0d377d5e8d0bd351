using ChatReport.Dialogs.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Dialogs.Points;

/// <summary>我的积分 / 积分 / 查积分 / my points.</summary>
public sealed class MyPointsCommand : IChatCommand
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "我的积分", "积分", "查积分", "查询积分", "看积分", "我有多少分", "我几分", "多少分", "我的分数", "my points", "points", "my score", "score",
    };

    /// <summary>Creates the command over its dialog.</summary>
    /// <param name="dialog">The dialog.</param>
    public MyPointsCommand(MyPointsDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialog = dialog;
    }

    /// <inheritdoc />
    public Dialog Dialog { get; }

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Members;

    /// <inheritdoc />
    public CommandMatch? Match(string text) => Words.Contains(text ?? string.Empty) ? CommandMatch.NoOptions : null;

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => PointsTexts.ForLanguage(language).MyPointsHelpLine;
}
