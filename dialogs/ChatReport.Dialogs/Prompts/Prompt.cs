using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// A dialog that asks one question and ends with a <typeparamref name="T"/>. It sends the
/// question, waits, recognizes the next message, lets the validator accept or reject the value,
/// and asks again until it gets one. It counts attempts, sends the retry only when nothing else
/// answered the user in that turn (a validator may reply itself), ignores non-message activities
/// while it waits, and gives up politely after <see cref="PromptOptions.MaxAttempts"/>.
/// Begin it with <see cref="PromptOptions"/>.
/// </summary>
/// <typeparam name="T">What the prompt ends with.</typeparam>
public abstract class Prompt<T> : Dialog
{
    private readonly PromptValidator<T>? _validator;

    /// <summary>Creates the prompt with its id and an optional validator.</summary>
    protected Prompt(string id, PromptValidator<T>? validator)
        : base(id)
    {
        _validator = validator;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions, not {options?.GetType().Name ?? "none"}.", nameof(options));
        }

        CheckOptions(promptOptions);
        dc.ActiveDialog!.SetState(new PromptState(promptOptions, 0));
        await SendPromptAsync(dc, promptOptions, null, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var state = instance.GetState<PromptState>();
        var attempts = state.Attempts + 1;
        instance.SetState(state with { Attempts = attempts });

        var recognized = await OnRecognizeAsync(dc, state.Options, cancellationToken);
        string? reason = null;
        if (recognized.Succeeded)
        {
            var validation = _validator is null
                ? PromptValidation.Accept
                : await _validator(new PromptValidatorContext<T>(dc, recognized.Value, attempts, state.Options), cancellationToken);
            if (validation.IsValid)
            {
                return await dc.EndDialogAsync(recognized.Value, cancellationToken);
            }

            reason = validation.Reason;
        }

        if (state.Options.MaxAttempts is { } max && attempts >= max)
        {
            await dc.Context.SendActivityAsync(dc.Context.Activity.CreateReply(dc.Texts<EngineTexts>().TooManyAttempts), cancellationToken);
            return await dc.CancelAllDialogsAsync(cancellationToken);
        }

        if (!dc.Context.Responded)
        {
            await SendPromptAsync(dc, state.Options, reason ?? state.Options.RetryPrompt ?? DefaultRetryPrompt(dc, state.Options), cancellationToken);
        }

        return DialogTurnResult.Waiting;
    }

    /// <summary>Something began on the prompt's stack ended; the prompt asks again and keeps waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>Sends the question again (with its attachments).</summary>
    public override Task RepromptDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return SendPromptAsync(dc, dc.ActiveDialog!.GetState<PromptState>().Options, null, cancellationToken);
    }

    /// <summary>The prompt's <see cref="PromptOptions.Help"/>.</summary>
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.ActiveDialog?.State is null ? null : dc.ActiveDialog.GetState<PromptState>().Options.Help;
    }

    /// <summary>Understands the inbound message (a message activity) as a <typeparamref name="T"/>, or not.</summary>
    protected abstract Task<PromptRecognition<T>> OnRecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The retry said when the caller gave none, in <c>dc.Language</c>.</summary>
    protected abstract string DefaultRetryPrompt(DialogContext dc, PromptOptions options);

    /// <summary>Throws when <paramref name="options"/> cannot work for this prompt (a choice prompt without choices).</summary>
    protected virtual void CheckOptions(PromptOptions options)
    {
    }

    /// <summary>
    /// Shapes the message that asks: <paramref name="reply"/> already carries the text (and, when
    /// not a retry, the attachments). Choice-like prompts add their choices here.
    /// </summary>
    protected virtual Activity DecoratePrompt(DialogContext dc, PromptOptions options, Activity reply, bool isRetry) => reply;

    private async Task SendPromptAsync(DialogContext dc, PromptOptions options, string? retryText, CancellationToken cancellationToken)
    {
        var isRetry = retryText is not null;
        var reply = dc.Context.Activity.CreateReply(retryText ?? options.Prompt) with
        {
            InputHint = InputHints.ExpectingInput,
            Attachments = isRetry ? null : options.Attachments,
        };
        await dc.Context.SendActivityAsync(DecoratePrompt(dc, options, reply, isRetry), cancellationToken);
    }
}
