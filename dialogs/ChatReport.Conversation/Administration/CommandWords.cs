using System.Text;

namespace ChatReport.Conversation.Administration;

/// <summary>Splits what follows an administration command into words; quotes ("…", “…”, 「…」) keep spaces inside a name.</summary>
internal static class CommandWords
{
    public static IReadOnlyList<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var current = new StringBuilder();
        char? closing = null;
        foreach (var c in text)
        {
            if (closing is { } close)
            {
                if (c == close)
                {
                    Flush();
                    closing = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '“' or '「')
            {
                Flush();
                closing = c switch { '“' => '”', '「' => '」', _ => '"' };
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        // A closing quote at the very end is trimmed by the normalizer, so an open quote runs to the end.
        Flush();
        return words;

        void Flush()
        {
            var word = current.ToString().Trim();
            if (word.Length > 0)
            {
                words.Add(word);
            }

            current.Clear();
        }
    }

    /// <summary>The words joined back with single spaces, or null when there are none.</summary>
    public static string? Join(IEnumerable<string> words)
    {
        var joined = string.Join(' ', words);
        return joined.Length == 0 ? null : joined;
    }
}
