using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Claims;

/// <summary>撤回 12 / 撤销 12 / withdraw 12 (or the word alone, then the number is asked for).</summary>
public sealed partial class WithdrawCommand(WithdrawDialog dialog) : PatternCommand(dialog, CommandAudience.Members, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => ClaimTexts.ForLanguage(language).WithdrawHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        long? id = match.Groups["id"].Success && long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return new CommandMatch(new WithdrawOptions(id));
    }

    [GeneratedRegex(@"^(?:撤回|撤销|收回|withdraw)(?:申报|claim)?\s*(?:第|编号|no\.?|#)?\s*(?<id>[0-9]{1,12})?\s*(?:号|条)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
