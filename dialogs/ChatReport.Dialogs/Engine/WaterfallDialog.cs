namespace ChatReport.Dialogs.Engine;

/// <summary>Builds waterfalls whose options and step state are different records.</summary>
public static class WaterfallDialog
{
    /// <summary>
    /// A waterfall begun with options of type <typeparamref name="TOptions"/>, from which
    /// <paramref name="initialState"/> makes its step state.
    /// </summary>
    public static WaterfallDialog<TState> Create<TOptions, TState>(
        string id,
        Func<TOptions, TState> initialState,
        params IReadOnlyList<WaterfallStep<TState>> steps)
        where TOptions : class
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(initialState);
        return new WaterfallDialog<TState>(
            id,
            options => options is TOptions typed
                ? initialState(typed)
                : throw new ArgumentException($"Waterfall '{id}' must be begun with {typeof(TOptions).Name} options, not {options?.GetType().Name ?? "none"}.", nameof(options)),
            steps);
    }
}
