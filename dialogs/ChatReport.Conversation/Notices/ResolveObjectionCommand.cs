using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Notices;

/// <summary>异议成立 7 [-5] 原因 / 异议驳回 7 原因 / uphold 7 [-5] reason / dismiss 7 reason.</summary>
public sealed partial class ResolveObjectionCommand(ResolveObjectionDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => ObjectionTexts.ForLanguage(language).ResolveHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        var verb = match.Groups["verb"].Value;
        var uphold = verb is "成立" || verb.Equals("uphold", StringComparison.OrdinalIgnoreCase);
        long? id = match.Groups["id"].Success ? long.Parse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
        int? points = uphold && match.Groups["points"].Success ? int.Parse(match.Groups["points"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
        var reason = match.Groups["reason"].Value.Trim();
        return new CommandMatch(new ResolveObjectionOptions(id, uphold, points, reason.Length > 0 ? reason : null));
    }

    [GeneratedRegex(@"^(?:(?:异议|異議)(?<verb>成立|驳回|駁回)|(?<verb>uphold|dismiss)(?:\s+objection)?)(?:\s*(?:第|#|no\.?)?\s*(?<id>\d{1,9})\s*号?)?(?:\s+(?<points>[+-]\d{1,4})\s*分?)?(?:\s+(?<reason>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
