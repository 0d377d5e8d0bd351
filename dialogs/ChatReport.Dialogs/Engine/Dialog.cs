namespace ChatReport.Dialogs.Engine;

/// <summary>
/// A step of conversation that can span turns. Dialogs are stateless singletons: whatever they
/// remember about a conversation goes into their <see cref="DialogInstance"/> on the stack.
/// Within a call, <c>dc.ActiveDialog</c> is this dialog's instance.
/// </summary>
public abstract class Dialog
{
    /// <summary>Creates the dialog with its id (use <c>nameof</c> of the dialog class).</summary>
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The dialog's id in its set.</summary>
    public string Id { get; }

    /// <summary>
    /// Starts the dialog, just pushed onto <paramref name="dc"/>'s stack. <paramref name="options"/>
    /// is the record the caller passed (null when none); each dialog documents the type it takes.
    /// </summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>The user sent something while this dialog was active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(cancellationToken);
    }

    /// <summary>
    /// A child this dialog began has ended with <paramref name="result"/>, and this dialog is active
    /// again. By default this dialog ends too, passing the result up.
    /// </summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for whatever this dialog waits for (after help, for example).</summary>
    public virtual Task RepromptDialogAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The end hook: <paramref name="instance"/> is leaving the stack because of <paramref name="reason"/>
    /// (ended, replaced or cancelled). Clean up here; do not send the user anything for a cancel,
    /// the cancelling side does.
    /// </summary>
    public virtual Task EndDialogAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// What this dialog is doing, for "help" (你正在申报积分…), in <c>dc.Language</c>; null to say
    /// nothing. Help collects the texts of every active dialog from the root down.
    /// </summary>
    public virtual string? GetHelpText(DialogContext dc) => null;

    /// <summary>
    /// Changes whenever this dialog changes in a way that stored stacks cannot survive. The runner
    /// hashes the root dialog's version into the dialog-set version it stores with each stack.
    /// </summary>
    public virtual string GetVersion() => $"{GetType().FullName}:{Id}";
}
