using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>Waits for one message and ends with its text; records its end hooks.</summary>
public sealed class RecordingDialog(string id, List<string> log) : Dialog(id)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        log.Add($"{Id}:begin");
        await dc.Context.SendTextAsync($"{Id} waiting", cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        log.Add($"{Id}:continue");
        return dc.EndDialogAsync(dc.Context.Activity.Text ?? string.Empty, cancellationToken);
    }

    public override Task RepromptDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Context.SendTextAsync($"{Id} waiting", cancellationToken);

    public override Task EndDialogAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        log.Add($"{Id}:end:{reason}");
        return Task.CompletedTask;
    }
}
