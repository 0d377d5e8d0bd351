using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Points;

/// <summary>排行榜 / 排名 / 排行 / ranking.</summary>
public sealed class RankingCommand : IChatCommand
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "排行榜", "排名", "排行", "积分排名", "积分排行", "积分榜", "我的排名", "ranking", "rankings", "leaderboard", "rank", "my rank",
    };

    /// <summary>Creates the command over its dialog.</summary>
    /// <param name="dialog">The dialog.</param>
    public RankingCommand(RankingDialog dialog)
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
    public string HelpLine(ReplyLanguage language) => PointsTexts.ForLanguage(language).RankingHelpLine;
}
