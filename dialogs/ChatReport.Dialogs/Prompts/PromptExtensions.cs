using ChatReport.Dialogs.Engine;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// <c>PromptAsync</c> on a dialog context or a waterfall step: beginning a prompt is beginning a
/// dialog with <see cref="PromptOptions"/>. They live with the prompts so the engine's core knows
/// nothing of them.
/// </summary>
public static class PromptExtensions
{
    /// <summary>Begins prompt <paramref name="dialogId"/>: it asks, then waits for the answer.</summary>
    /// <param name="dc">The dialog context.</param>
    /// <param name="dialogId">The prompt's id.</param>
    /// <param name="options">What to ask, and what to say on a retry.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn's result: waiting for the answer.</returns>
    public static Task<DialogTurnResult> PromptAsync(this DialogContext dc, string dialogId, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Begins prompt <paramref name="dialogId"/>; its answer is the next step's result.</summary>
    /// <typeparam name="TState">The waterfall's step state record.</typeparam>
    /// <param name="step">The waterfall step.</param>
    /// <param name="dialogId">The prompt's id.</param>
    /// <param name="options">What to ask, and what to say on a retry.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn's result: waiting for the answer.</returns>
    public static Task<DialogTurnResult> PromptAsync<TState>(this WaterfallStepContext<TState> step, string dialogId, PromptOptions options, CancellationToken cancellationToken)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.BeginDialogAsync(dialogId, options, cancellationToken);
    }
}
