using System.Text;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Puts user input into one shape before it is recognized or matched: full-width letters,
/// digits and punctuation become half-width (ｈｅｌｐ, ２０, ？), the ideographic space a space,
/// and traditional characters simplified (see <c>TraditionalChinese</c> for the table).
/// <see cref="Normalize"/> maps character for character, so positions found in its output are
/// positions in the original text.
/// </summary>
public static class TextNormalizer
{
    // Punctuation people put around a one-word answer ("好的！", "取消。", "“是”").
    private const string EdgePunctuation = ".,!?;:~'\"`。，、！？；：～…·“”‘’「」『』（）()[]【】<>《》-—_ ";

    /// <summary>
    /// Half-width and simplified, the same length as <paramref name="text"/>. Use it before handing
    /// text to Microsoft.Recognizers.Text, whose Chinese models only know simplified characters.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = NormalizeChar(source[i]);
            }
        });
    }

    /// <summary>
    /// <see cref="Normalize"/>d, trimmed of whitespace and of punctuation around the words, with
    /// runs of whitespace collapsed: the form word lists and choices are compared in (ordinally,
    /// ignoring case).
    /// </summary>
    public static string ForMatching(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var whole = Normalize(text).AsSpan().Trim();
        var normalized = whole.Trim(EdgePunctuation);
        if (normalized.IsEmpty)
        {
            // Punctuation alone is an answer too ("?" asks for help).
            normalized = whole;
        }

        var builder = new StringBuilder(normalized.Length);
        var lastWasSpace = false;
        foreach (var c in normalized)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !lastWasSpace)
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> contains a CJK ideograph.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>Whether any character is a CJK ideograph.</returns>
    public static bool ContainsCjk(string? text) => Scripts.ContainsCjk(text);

    /// <summary>True when <paramref name="text"/> contains a Latin letter (half- or full-width).</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>Whether any character is a Latin letter.</returns>
    public static bool ContainsLatinLetter(string? text) => Scripts.ContainsLatinLetter(text);

    private static char NormalizeChar(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => TraditionalChinese.ToSimplified(c),
    };
}
