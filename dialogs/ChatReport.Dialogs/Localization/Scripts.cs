namespace ChatReport.Dialogs.Localization;

/// <summary>
/// Which writing systems a text uses: what the reply language is guessed from, and what
/// recognition asks before it reads a text as Chinese or English.
/// </summary>
public static class Scripts
{
    /// <summary>True when <paramref name="text"/> contains a CJK ideograph.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>Whether any character is a CJK ideograph.</returns>
    public static bool ContainsCjk(string? text) => Any(text, IsCjk);

    /// <summary>True when <paramref name="text"/> contains a Latin letter (half- or full-width).</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>Whether any character is a Latin letter.</returns>
    public static bool ContainsLatinLetter(string? text) => Any(text, IsLatinLetter);

    /// <summary>True for a CJK ideograph (the unified block, extension A, compatibility ideographs).</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it is an ideograph.</returns>
    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    // Full-width letters (Ａ–Ｚ, ａ–ｚ) are what a Chinese keyboard types for English words.
    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || c is (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A');

    // A loop over the characters, not LINQ over the string: the rule matcher asks this of every
    // lexicon term for every new sentence, and the boxed enumerator was an allocation each time.
    private static bool Any(string? text, Func<char, bool> predicate)
    {
        foreach (var c in (text ?? string.Empty).AsSpan())
        {
            if (predicate(c))
            {
                return true;
            }
        }

        return false;
    }
}
