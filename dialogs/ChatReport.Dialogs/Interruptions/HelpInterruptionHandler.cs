using System.Collections.Frozen;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Interruptions;

/// <summary>
/// 帮助 / help / ? while a dialog waits: says where the user is (the help texts of the active
/// dialogs, outermost first, from <see cref="Dialog.GetHelpText"/> and the prompt's
/// <c>PromptOptions.Help</c>) and how to get out, then asks the waiting question again. The
/// stack keeps waiting. With nothing in progress the message goes on to the root dialog, which
/// knows what the bot can do.
/// </summary>
public sealed class HelpInterruptionHandler : IInterruptionHandler
{
    /// <summary>The messages that ask for help, in <see cref="TextNormalizer.ForMatching"/> form.</summary>
    public static FrozenSet<string> Words { get; } =
        new[] { "帮助", "求助", "帮忙", "帮帮我", "怎么用", "怎么办", "说明", "使用说明", "help", "help me", "?", "??" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task<bool> InterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Stack.Count == 0 || !Words.Contains(TextNormalizer.ForMatching(dc.Context.Activity.Text)))
        {
            return false;
        }

        var texts = dc.Texts<EngineTexts>();
        var help = dc.ActiveChain()
            .Select(link => link.Dialog.GetHelpText(link.Context))
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Cast<string>()
            .ToList();
        if (help.Count == 0)
        {
            help.Add(texts.HelpFallback);
        }

        help.Add(texts.HelpFooter);
        await dc.Context.SendTextAsync(string.Join("\n", help), cancellationToken);
        await dc.RepromptDialogAsync(cancellationToken);
        return true;
    }
}
