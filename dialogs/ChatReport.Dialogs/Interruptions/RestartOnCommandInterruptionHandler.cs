using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Interruptions;

/// <summary>
/// An unrelated top-level command while a dialog waits starts over cleanly: the waiting dialogs
/// are cancelled, the user is told the old topic was put aside, and the runner begins the root
/// dialog with the same message, which then handles the command.
/// </summary>
public sealed class RestartOnCommandInterruptionHandler : IInterruptionHandler
{
    private readonly ITopLevelCommandRecognizer _commands;

    /// <summary>Creates the handler over the bot's command recognizer.</summary>
    public RestartOnCommandInterruptionHandler(ITopLevelCommandRecognizer commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _commands = commands;
    }

    /// <inheritdoc />
    public async Task<bool> InterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var text = TextNormalizer.ForMatching(dc.Context.Activity.Text);
        if (dc.Stack.Count == 0 || text.Length == 0 || !_commands.IsTopLevelCommand(dc, text))
        {
            return false;
        }

        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.Context.SendTextAsync(dc.Texts<EngineTexts>().SwitchingTopic, cancellationToken);
        return false;
    }
}
