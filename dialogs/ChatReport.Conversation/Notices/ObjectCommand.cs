using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Notices;

/// <summary>异议 张三 原因 / 异议 #12 原因 / object Zhang reason: a member objects to the notice in its objection period.</summary>
public sealed partial class ObjectCommand(ObjectDialog dialog) : PatternCommand(dialog, CommandAudience.Members, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => ObjectionTexts.ForLanguage(language).ObjectHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        // The pattern is anchored at the start, so the match begins with what the user said.
        if (ReviewerWords().IsMatch(match.Value))
        {
            return null;
        }

        var target = match.Groups["target"].Value;
        var reason = match.Groups["reason"].Value.Trim();
        var item = ItemNumber().Match(target);
        long? entryId = item.Success ? long.Parse(item.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
        return new CommandMatch(new ObjectOptions(
            entryId is null && target.Length > 0 ? target : null,
            entryId,
            reason.Length > 0 ? reason : null));
    }

    [GeneratedRegex(@"^(?:提出异议|异议|異議|object)(?:\s+|$)(?<target>#\s*\d{1,12}|记录\s*\d{1,12}|\S+)?\s*(?<reason>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?:#|记录)\s*(?<id>\d{1,12})$")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^(?:异议|異議)\s*(?:列表|成立|驳回|駁回)")]
    private static partial Regex ReviewerWords();
}
