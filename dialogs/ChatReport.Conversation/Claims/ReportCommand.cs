using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Claims;

/// <summary>申报 / 报告 / 我要申报 / report (+ the deed in one sentence, optional).</summary>
public sealed partial class ReportCommand : IChatCommand
{
    /// <summary>Creates the command over its dialog.</summary>
    /// <param name="dialog">The report dialog.</param>
    public ReportCommand(ReportDialog dialog)
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
        var match = Chinese().Match(text ?? string.Empty);
        if (!match.Success)
        {
            match = English().Match(text ?? string.Empty);
        }

        if (!match.Success)
        {
            return null;
        }

        var sentence = match.Groups["rest"].Value.Trim();
        return new CommandMatch(new ReportOptions(sentence.Length > 0 ? sentence : null));
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => ClaimTexts.ForLanguage(language).ReportHelpLine;

    [GeneratedRegex(@"^(?:我要申报|我想申报|申报积分|申报|报告|上报)[:：,，\s]*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?:report|claim)(?:\s+a\s+good\s+deed)?(?:[:,\s]+(?<rest>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex English();
}
