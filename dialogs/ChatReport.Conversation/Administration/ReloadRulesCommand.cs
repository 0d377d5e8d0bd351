using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>重新加载规则 / reload rules.</summary>
public sealed partial class ReloadRulesCommand(ReloadRulesDialog dialog) : FixedWordsCommand(dialog, CommandAudience.Administrators, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).ReloadRulesHelpLine;

    // 載, 積, 規 and 則 are not in the normalizer's table, so the traditional forms are spelled out.
    [GeneratedRegex(@"^(?:重新(?:加载|载入|加載|載入)(?:[积積]分)?[规規][则則]|重载规则|reload\s+(?:the\s+)?(?:point\s+)?rules)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
