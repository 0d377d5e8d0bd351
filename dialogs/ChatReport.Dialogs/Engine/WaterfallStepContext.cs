using System.Diagnostics.CodeAnalysis;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Engine;

/// <summary>
/// What a waterfall step works with: the previous step's (or child's) result, the typed step
/// state, and the ways to move on. A step ends by returning exactly one of the navigation calls
/// (<c>PromptAsync</c>, <see cref="BeginDialogAsync(string, CancellationToken)"/>,
/// <see cref="NextAsync(CancellationToken)"/>, <see cref="EndDialogAsync(CancellationToken)"/>,
/// <see cref="ReplaceDialogAsync(string, CancellationToken)"/>, <see cref="CancelAllDialogsAsync"/>).
/// </summary>
/// <typeparam name="TState">The waterfall's step state record.</typeparam>
public sealed class WaterfallStepContext<TState>
    where TState : class
{
    private readonly WaterfallDialog<TState> _waterfall;
    private readonly DialogInstance _instance;
    private TState _state;
    private bool _navigated;

    internal WaterfallStepContext(WaterfallDialog<TState> waterfall, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, TState state)
    {
        _waterfall = waterfall;
        DialogContext = dc;
        _instance = instance;
        Index = index;
        Reason = reason;
        Result = result;
        _state = state;
    }

    /// <summary>The context of the stack the waterfall is on.</summary>
    public DialogContext DialogContext { get; }

    /// <summary>The turn.</summary>
    public ITurnContext Context => DialogContext.Context;

    /// <summary>The language to reply in.</summary>
    public ReplyLanguage Language => DialogContext.Language;

    /// <summary>The user's language, recognition cultures and time zone.</summary>
    public UserLocale UserLocale => DialogContext.UserLocale;

    /// <summary>This step's 0-based position.</summary>
    public int Index { get; }

    /// <summary>Why this step runs (begun, a child ended, skipped to with <c>NextAsync</c>…).</summary>
    public DialogReason Reason { get; }

    /// <summary>
    /// The previous step's prompt or child result (an <c>int</c> from a number prompt, a
    /// <c>FoundChoice</c> from a choice prompt, a record from a component), the value passed to
    /// <c>NextAsync</c>, or null in the first step.
    /// </summary>
    public object? Result { get; }

    /// <summary>
    /// The step state. Assign a new record (<c>step.State = step.State with { … }</c>); it is saved
    /// at once, and again before every navigation call. Assigning after this step navigated away
    /// throws, because a later step owns the state by then.
    /// </summary>
    public TState State
    {
        get => _state;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (_navigated)
            {
                throw new InvalidOperationException($"Step {Index} of waterfall '{_waterfall.Id}' changed its state after moving on.");
            }

            _state = value;
            Save();
        }
    }

    /// <summary>The texts of table <typeparamref name="TTexts"/> in the user's language.</summary>
    public TTexts Texts<TTexts>()
        where TTexts : class, ITextTable<TTexts> => TTexts.ForLanguage(Language);

    /// <summary><see cref="Result"/> as <typeparamref name="T"/>, when it is one.</summary>
    public bool TryGetResult<T>([MaybeNullWhen(false)] out T value)
    {
        if (Result is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Runs the next step now, with no result.</summary>
    public Task<DialogTurnResult> NextAsync(CancellationToken cancellationToken) => NextCoreAsync(null, cancellationToken);

    /// <summary>Runs the next step now with <paramref name="value"/> as its result: a step that already knows its answer skips its prompt.</summary>
    public Task<DialogTurnResult> NextAsync<T>(T value, CancellationToken cancellationToken) => NextCoreAsync(value, cancellationToken);

    /// <summary>Begins child dialog <paramref name="dialogId"/>; its result is the next step's result.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, CancellationToken cancellationToken)
    {
        Leave();
        return DialogContext.BeginDialogAsync(dialogId, cancellationToken);
    }

    /// <summary>Begins child dialog <paramref name="dialogId"/> with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> BeginDialogAsync<TOptions>(string dialogId, TOptions options, CancellationToken cancellationToken)
        where TOptions : class
    {
        Leave();
        return DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends the waterfall without a result.</summary>
    public Task<DialogTurnResult> EndDialogAsync(CancellationToken cancellationToken)
    {
        Leave();
        return DialogContext.EndDialogAsync(cancellationToken);
    }

    /// <summary>Ends the waterfall with <paramref name="result"/> for its parent.</summary>
    public Task<DialogTurnResult> EndDialogAsync<TResult>(TResult result, CancellationToken cancellationToken)
    {
        Leave();
        return DialogContext.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Replaces the waterfall with dialog <paramref name="dialogId"/> (a menu loop replaces itself).</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, CancellationToken cancellationToken)
    {
        Leave();
        return DialogContext.ReplaceDialogAsync(dialogId, cancellationToken);
    }

    /// <summary>Replaces the waterfall with dialog <paramref name="dialogId"/> begun with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync<TOptions>(string dialogId, TOptions options, CancellationToken cancellationToken)
        where TOptions : class
    {
        Leave();
        return DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Cancels every dialog of the conversation.</summary>
    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        Leave();
        return DialogContext.CancelAllDialogsAsync(cancellationToken);
    }

    internal void Save() => WaterfallDialog<TState>.Save(_instance, Index, _state);

    // A step that returned Waiting on its own may have changed a mutable state object in place.
    internal void SaveIfStillCurrent()
    {
        if (!_navigated)
        {
            Save();
        }
    }

    private Task<DialogTurnResult> NextCoreAsync(object? value, CancellationToken cancellationToken)
    {
        Leave();
        return _waterfall.RunStepAsync(DialogContext, Index + 1, DialogReason.NextCalled, value, cancellationToken);
    }

    private void Leave()
    {
        if (_navigated)
        {
            throw new InvalidOperationException($"Step {Index} of waterfall '{_waterfall.Id}' already moved on.");
        }

        Save();
        _navigated = true;
    }
}
