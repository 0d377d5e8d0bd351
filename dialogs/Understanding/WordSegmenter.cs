using JiebaNet.Segmenter;

namespace ChatReport.Dialogs.Understanding;

/// <summary>
/// Chinese word segmentation with jieba.NET, its dictionary read from the <c>jieba</c> folder the
/// build puts beside the assemblies (nothing is downloaded), extended with the deed vocabulary:
/// the words in <c>DeedWords.txt</c> and every lexicon word of the rules. jieba keeps one
/// process-wide dictionary that is not safe to change while it cuts, so both go through one lock;
/// a short sentence takes microseconds.
/// </summary>
public static class WordSegmenter
{
    /// <summary>The folder, beside the assemblies, that holds jieba's dictionary and models.</summary>
    public const string ResourceFolder = "jieba";

    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);
    private static JiebaSegmenter? s_segmenter;

    /// <summary>The words of <paramref name="text"/> in order, with their positions.</summary>
    /// <param name="text">Normalized text (half-width, simplified).</param>
    /// <returns>The words, spaces and punctuation included as their own tokens.</returns>
    public static IReadOnlyList<WordToken> Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        lock (Gate)
        {
            // Without the HMM: unknown characters stay single instead of being glued to a neighbour
            // (雪下, 上推), so a one-character deed word is still found as a word.
            return [.. Segmenter().Tokenize(text, TokenizerMode.Default, hmm: false).Select(t => new WordToken(t.Word, t.StartIndex, t.EndIndex))];
        }
    }

    /// <summary>Makes sure jieba keeps each of <paramref name="words"/> whole.</summary>
    /// <param name="words">Chinese words (others are ignored).</param>
    public static void AddWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        lock (Gate)
        {
            var segmenter = Segmenter();
            foreach (var word in words)
            {
                if (word.Length > 1 && Recognition.TextNormalizer.ContainsCjk(word) && !word.Contains(' ', StringComparison.Ordinal) && Added.Add(word))
                {
                    segmenter.AddWord(word);
                }
            }
        }
    }

    // Called under the lock.
    private static JiebaSegmenter Segmenter()
    {
        if (s_segmenter is not null)
        {
            return s_segmenter;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, ResourceFolder);
        if (!File.Exists(Path.Combine(folder, "dict.txt")))
        {
            throw new FileNotFoundException($"jieba's dictionary is missing from '{folder}'; the build copies it there from the jieba.NET package.", Path.Combine(folder, "dict.txt"));
        }

        ConfigManager.ConfigFileBaseDir = folder;
        var segmenter = new JiebaSegmenter();
        using var stream = typeof(WordSegmenter).Assembly.GetManifestResourceStream("ChatReport.Dialogs.Understanding.DeedWords.txt")
            ?? throw new InvalidOperationException("DeedWords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.StartsWith('-'))
            {
                // A word of jieba's that glues a deed word to its neighbour (上推雪, 雪停了…扫).
                segmenter.DeleteWord(word[1..]);
            }
            else if (word.Length > 1 && !word.StartsWith('#') && Added.Add(word))
            {
                segmenter.AddWord(word);
            }
        }

        s_segmenter = segmenter;
        return segmenter;
    }
}
