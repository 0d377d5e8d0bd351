using System.Text.Json;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.State;

namespace ChatReport.Dialogs.Engine;

/// <summary>
/// A dialog that runs its steps in order, one per turn or several in a turn, each step usually
/// asking something (a prompt or a child dialog) whose answer the next step receives as
/// <see cref="WaterfallStepContext{TState}.Result"/>. What the steps remember is
/// <typeparamref name="TState"/>, a record serialized to JSON on the stack after every step.
/// </summary>
/// <typeparam name="TState">The step state record. Prefer an immutable record changed with <c>with</c>.</typeparam>
public sealed class WaterfallDialog<TState> : Dialog
    where TState : class
{
    private readonly Func<object?, TState> _initialState;

    /// <summary>A waterfall begun with its initial <typeparamref name="TState"/> as options.</summary>
    public WaterfallDialog(string id, params IReadOnlyList<WaterfallStep<TState>> steps)
        : this(id, options => options as TState ?? throw OptionsError(id, options), steps)
    {
    }

    /// <summary>
    /// A waterfall begun either with a <typeparamref name="TState"/> as options or with none, in
    /// which case it starts from <paramref name="initialState"/>.
    /// </summary>
    public WaterfallDialog(string id, Func<TState> initialState, params IReadOnlyList<WaterfallStep<TState>> steps)
        : this(id, options => options switch
        {
            null => initialState(),
            TState state => state,
            _ => throw OptionsError(id, options),
        }, steps)
    {
        ArgumentNullException.ThrowIfNull(initialState);
    }

    internal WaterfallDialog(string id, Func<object?, TState> initialState, IReadOnlyList<WaterfallStep<TState>> steps)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0 || steps.Any(step => step is null))
        {
            throw new ArgumentException($"Waterfall '{id}' needs at least one step, and no null steps.", nameof(steps));
        }

        _initialState = initialState;
        Steps = steps;
    }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<WaterfallStep<TState>> Steps { get; }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = _initialState(options) ?? throw new InvalidOperationException($"Waterfall '{Id}' got a null initial state.");
        Save(dc.ActiveDialog!, -1, state);
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>
    /// Reached when a step returned <see cref="DialogTurnResult.Waiting"/> without beginning a child:
    /// the next message's text becomes the next step's result. Other activities are ignored.
    /// </summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        return RunStepAsync(dc, ReadStep(dc.ActiveDialog!) + 1, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return RunStepAsync(dc, ReadStep(dc.ActiveDialog!) + 1, reason, result, cancellationToken);
    }

    /// <summary>Its id, the names of its steps and the shape of its state: stored steps and states must still fit.</summary>
    public override string GetVersion() =>
        $"{base.GetVersion()}({string.Join(",", Steps.Select(step => step.Method.Name))})" +
        $"<{typeof(TState).FullName}:{string.Join(",", typeof(TState).GetProperties().Select(p => $"{p.Name}:{p.PropertyType.Name}"))}>";

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= Steps.Count)
        {
            // Falling off the end ends the waterfall with the last result; say EndDialogAsync(record) to be explicit.
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        var progress = instance.GetState<WaterfallProgress>();
        TState state;
        try
        {
            state = progress.State.Deserialize<TState>(DialogJson.Options)
                ?? throw new DialogStateFormatException($"Waterfall '{Id}' has null step state.");
        }
        catch (JsonException exception)
        {
            throw new DialogStateFormatException($"The step state of waterfall '{Id}' is not a {typeof(TState).Name}.", exception);
        }

        var step = new WaterfallStepContext<TState>(this, dc, instance, index, reason, result, state);
        step.Save();
        var turn = await Steps[index](step, cancellationToken);
        step.SaveIfStillCurrent();
        return turn;
    }

    internal static void Save(DialogInstance instance, int step, TState state) =>
        instance.SetState(new WaterfallProgress(step, JsonSerializer.SerializeToElement(state, DialogJson.Options)));

    private static int ReadStep(DialogInstance instance) => instance.GetState<WaterfallProgress>().Step;

    private static ArgumentException OptionsError(string id, object? options) =>
        new($"Waterfall '{id}' must be begun with {typeof(TState).Name} options, not {options?.GetType().Name ?? "none"}.", nameof(options));
}
