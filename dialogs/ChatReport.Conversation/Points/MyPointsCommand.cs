using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Points;

/// <summary>我的积分 / 积分 / 查积分 / my points, optionally with a year (我的积分 2025).</summary>
public sealed partial class MyPointsCommand : IChatCommand
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
    public CommandMatch? Match(string text)
    {
        text ??= string.Empty;
        if (Words.Contains(text))
        {
            return CommandMatch.NoOptions;
        }

        // 我的积分 2025 / my points 2025: an earlier cycle stays queryable.
        var year = YearSuffix().Match(text);
        return year.Success && Words.Contains(year.Groups["words"].Value.TrimEnd())
            ? new CommandMatch(new MyPointsOptions(int.Parse(year.Groups["year"].Value, CultureInfo.InvariantCulture)))
            : null;
    }

    [GeneratedRegex(@"^(?<words>.+?)\s*(?<year>20\d\d)\s*年?$")]
    private static partial Regex YearSuffix();

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => PointsTexts.ForLanguage(language).MyPointsHelpLine;
}
