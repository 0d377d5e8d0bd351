using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>新建支部 名称 [上级单位] [时区] (also 新建党总支, 新建党小组) / create branch &lt;name&gt; [parent] [time zone].</summary>
public sealed partial class CreateUnitCommand(CreateUnitDialog dialog) : PatternCommand(dialog, CommandAudience.Administrators, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).CreateUnitHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        var kindWord = match.Groups["kind"].Value.ToUpperInvariant();
        var kind = kindWord.Contains("总支", StringComparison.Ordinal) || kindWord.StartsWith("GENERAL", StringComparison.Ordinal) ? OrgUnitKind.GeneralBranch
            : kindWord.Contains("小组", StringComparison.Ordinal) || kindWord == "GROUP" ? OrgUnitKind.Group
            : OrgUnitKind.Branch;
        var words = CommandWords.Split(match.Groups["rest"].Value).ToList();

        // Time zones are the only words with a slash (Asia/Shanghai), or UTC.
        string? zone = null;
        if (words.Count > 1 && (words[^1].Contains('/', StringComparison.Ordinal) || words[^1].Equals("UTC", StringComparison.OrdinalIgnoreCase)))
        {
            zone = words[^1];
            words.RemoveAt(words.Count - 1);
        }

        return new CommandMatch(new CreateUnitDraft(kind, words.FirstOrDefault(), CommandWords.Join(words.Skip(1)), zone));
    }

    [GeneratedRegex(@"^(?:(?:新建|创建|新增|成立)(?<kind>党总支|总支|党小组|小组|党支部|支部)|create\s+(?<kind>general\s+branch|group|branch))(?:\s+(?<rest>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
