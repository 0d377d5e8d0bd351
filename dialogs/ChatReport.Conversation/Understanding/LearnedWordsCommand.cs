using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// 学习词 [#12] / learned words: a branch's learned words; 删除学习词 玉米 [#12] / forget word
/// 玉米: removes one. For the branch's secretary and the administrators over it.
/// </summary>
public sealed partial class LearnedWordsCommand(LearnedWordsDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        text = (text ?? "").Trim();
        if (List().Match(text) is { Success: true } list)
        {
            return new CommandMatch(new LearnedWordsOptions(null, Unit(list)));
        }

        return Forget().Match(text) is { Success: true } forget
            ? new CommandMatch(new LearnedWordsOptions(forget.Groups["word"].Value.Trim(), Unit(forget)))
            : null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => LearnedWordsTexts.ForLanguage(language).Help;

    private static long? Unit(Match match) =>
        match.Groups["unit"] is { Success: true } unit && long.TryParse(unit.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private const string UnitSuffix = @"(?:\s+#(?<unit>\d{1,18}))?";

    [GeneratedRegex("^(?:学习词|学到的词|learned words|learned-words)" + UnitSuffix + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex List();

    [GeneratedRegex(@"^(?:删除学习词|忘记学习词|forget word|forget-word)\s+(?<word>[^\s#][^#]{0,39}?)" + UnitSuffix + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Forget();
}
