using System.Collections.Concurrent;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Remembers the results of a pure recognition function by everything its result depends on, so
/// that a message recognised before its turn entered the database writer (see
/// <c>MessagePrecomputer</c>) is not recognised again inside the turn, and a text recognised twice in
/// one turn is recognised once. Bounded: when full it starts afresh, which costs a recomputation and
/// nothing else. Callers must treat the values as read-only (they are shared between turns).
/// </summary>
/// <typeparam name="TKey">Every input of the function, with value equality.</typeparam>
/// <typeparam name="TValue">The result.</typeparam>
public sealed class RecognitionMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values;
    private readonly int _capacity;

    /// <summary>Creates a memo that holds at most <paramref name="capacity"/> results.</summary>
    /// <param name="capacity">How many results to keep before starting afresh.</param>
    /// <param name="comparer">How keys compare, or null for their own equality.</param>
    public RecognitionMemo(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _values = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    /// <summary>The remembered result for <paramref name="key"/>, or <paramref name="compute"/>'s, remembered.</summary>
    /// <typeparam name="TState">What <paramref name="compute"/> needs besides the key.</typeparam>
    /// <param name="key">The inputs.</param>
    /// <param name="state">Passed to <paramref name="compute"/>.</param>
    /// <param name="compute">The function; it may run twice for one key when two threads race, which is harmless for a pure function.</param>
    /// <returns>The result.</returns>
    public TValue GetOrAdd<TState>(TKey key, TState state, Func<TKey, TState, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = compute(key, state);
        if (_values.Count >= _capacity)
        {
            _values.Clear();
        }

        _values[key] = value;
        return value;
    }

    /// <summary>Forgets everything (the function's hidden inputs changed, e.g. jieba learned words).</summary>
    public void Clear() => _values.Clear();
}
