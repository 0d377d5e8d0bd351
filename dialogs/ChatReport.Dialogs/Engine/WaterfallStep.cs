namespace ChatReport.Dialogs.Engine;

/// <summary>One step of a <see cref="WaterfallDialog{TState}"/>; name it <c>XxxStepAsync</c>.</summary>
/// <typeparam name="TState">The waterfall's step state record.</typeparam>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> stepContext, CancellationToken cancellationToken)
    where TState : class;
