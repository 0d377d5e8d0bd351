using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Points;

/// <summary>
/// 排行榜设置 全部 / 前10 / 仅本人 (ranking settings all / top 10 / own): the secretary decides what
/// members see of the branch ranking. Without a value it tells the current setting.
/// </summary>
public sealed partial class RankingSettingsCommand(RankingSettingsDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => RankingSettingsTexts.ForLanguage(language).HelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        var value = match.Groups["rest"].Value.Trim().TrimStart(':', '：').Trim();
        return new CommandMatch(Read(value));
    }

    /// <summary>The setting <paramref name="value"/> names.</summary>
    /// <param name="value">The words after the command, trimmed.</param>
    /// <returns>The request: a setting, nothing (show the current one) or unreadable words.</returns>
    public static RankingSettingsOptions Read(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return new RankingSettingsOptions(null);
        }

        if (AllWords().IsMatch(value))
        {
            return new RankingSettingsOptions(RankingPrivacy.Default);
        }

        if (OwnWords().IsMatch(value))
        {
            return new RankingSettingsOptions(RankingPrivacy.OwnOnly);
        }

        if (TopWords().Match(value) is { Success: true } top
            && int.TryParse(top.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= RankingPrivacy.MaxTopCount)
        {
            return new RankingSettingsOptions(RankingPrivacy.TopN(count));
        }

        return new RankingSettingsOptions(null, value);
    }

    [GeneratedRegex(@"^(?:排行榜设置|排行榜設置|排行设置|排名设置|排行榜隐私|ranking settings?|ranking privacy|ranking visibility)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?:全部|所有|公开|完整|完整榜单|all|full|full list|everyone)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllWords();

    [GeneratedRegex(@"^(?:仅本人|只看本人|本人|仅自己|只看自己|自己|own|own only|only own|own rank|me|only me|self)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnWords();

    [GeneratedRegex(@"^(?:前|top)\s*(?<n>[0-9]{1,6})\s*名?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TopWords();
}
