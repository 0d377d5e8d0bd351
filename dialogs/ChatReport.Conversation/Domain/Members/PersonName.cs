using System.Globalization;
using System.Text;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Domain;

/// <summary>
/// Members' names in one shape before they are compared or stored, so that an invisible
/// character cannot make a second "张书记" that every roster, ranking and notice shows as the first.
/// </summary>
public static class PersonName
{
    /// <summary>The longest name accepted, in UTF-16 units after <see cref="Normalize"/>.</summary>
    public const int MaxLength = 20;

    /// <summary>
    /// NFKC, with format and control characters (zero-width space, joiners, byte-order mark,
    /// bidirectional marks), unpaired surrogates, private-use and unassigned code points and the
    /// blank-looking fillers removed, whitespace runs collapsed to one space and the ends trimmed.
    /// Never throws; the result may be empty or longer than <see cref="MaxLength"/>.
    /// </summary>
    /// <param name="name">The name as typed or imported.</param>
    /// <returns>The name to store and show.</returns>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        // string.Normalize throws on unpaired surrogates, so they go first (the enumerator
        // reads them as U+FFFD, which has no place in a name either).
        var valid = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune != Rune.ReplacementChar)
            {
                valid.Append(rune.ToString());
            }
        }

        var composed = valid.ToString().Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var rune in composed.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsInvisible(rune))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Whether a <see cref="Normalize"/>d name may be stored: not empty, not too long, and not an e-mail-like account name.</summary>
    /// <param name="normalized">The normalised name.</param>
    /// <returns>True when acceptable.</returns>
    public static bool IsAcceptable(string? normalized) =>
        !string.IsNullOrEmpty(normalized) && normalized.Length <= MaxLength && !normalized.Contains('@', StringComparison.Ordinal);

    /// <summary>
    /// Whether two names would be read as the same person's: equal after <see cref="Normalize"/>,
    /// ignoring spaces, case, and traditional against simplified characters.
    /// </summary>
    /// <param name="first">One name.</param>
    /// <param name="second">The other.</param>
    /// <returns>True for the same name.</returns>
    public static bool AreSame(string? first, string? second) =>
        string.Equals(ComparisonKey(first), ComparisonKey(second), StringComparison.Ordinal);

    /// <summary>
    /// The one form that names <see cref="AreSame"/> reads as one share, for sets and
    /// dictionaries of names (a roster of thousands is checked in one pass, not pair by pair).
    /// </summary>
    /// <param name="name">A name, normalised or not.</param>
    /// <returns>Equal (ordinal) for exactly the names <see cref="AreSame"/> holds for.</returns>
    public static string ComparisonKey(string? name)
    {
        var normalized = TextNormalizer.Normalize(Normalize(name));
        return normalized.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    private static bool IsInvisible(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.Control:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return true;
        }

        // Letters and marks that draw nothing: the combining grapheme joiner, Hangul fillers,
        // Khmer inherent vowels, Mongolian and other variation selectors, the blank Braille cell.
        return rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 or 0x2800
            or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);
    }
}
