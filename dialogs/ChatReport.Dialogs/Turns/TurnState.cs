namespace ChatReport.Dialogs.Turns;

/// <summary>
/// Values that live for one turn, one per type, as the SDK's turn state: what a turn works out
/// once (who is speaking, say) and every dialog of the turn reads again without asking the store.
/// </summary>
public sealed class TurnState
{
    private readonly Dictionary<Type, object> _values = [];

    /// <summary>The value of type <typeparamref name="T"/> set in this turn, or null.</summary>
    /// <typeparam name="T">The value's type, which is also its key.</typeparam>
    /// <returns>The value, or null when none was set.</returns>
    public T? Get<T>()
        where T : class => _values.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>Sets (or replaces) the turn's value of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The value's type, which is also its key.</typeparam>
    /// <param name="value">The value.</param>
    public void Set<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        _values[typeof(T)] = value;
    }

    /// <summary>Forgets the value of type <typeparamref name="T"/>, so the next reader works it out again.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <returns>True when there was one.</returns>
    public bool Remove<T>()
        where T : class => _values.Remove(typeof(T));
}
