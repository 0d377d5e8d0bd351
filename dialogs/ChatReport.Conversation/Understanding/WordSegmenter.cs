using ChatReport.Dialogs.Recognition;
using JiebaNet.Segmenter;

namespace ChatReport.Conversation.Understanding;

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
    private const int MaxRemembered = 4096;

    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, WordToken[]> Cuts = new(StringComparer.Ordinal);
    private static JiebaSegmenter? s_segmenter;
    private static int s_generation;

    /// <summary>Grows whenever jieba learns a word, which may change how any text is cut.</summary>
    internal static int Generation => Volatile.Read(ref s_generation);

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
            // A turn cuts the same text several times (its rule match, its content words, its
            // place), and once before it enters the writer; the words depend only on the text and
            // the dictionary, so they are remembered until the dictionary grows.
            if (Cuts.TryGetValue(text, out var known))
            {
                return known;
            }

            if (Cuts.Count >= MaxRemembered)
            {
                Cuts.Clear();
            }

            // Without the HMM: unknown characters stay single instead of being glued to a neighbour
            // (雪下, 上推), so a one-character deed word is still found as a word.
            WordToken[] tokens = [.. Segmenter().Tokenize(text, TokenizerMode.Default, hmm: false).Select(t => new WordToken(t.Word, t.StartIndex, t.EndIndex))];
            Cuts[text] = tokens;
            return tokens;
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
                if (word.Length > 1 && TextNormalizer.ContainsCjk(word) && !word.Contains(' ', StringComparison.Ordinal) && Added.Add(word))
                {
                    segmenter.AddWord(word);
                    Cuts.Clear();
                    Interlocked.Increment(ref s_generation);
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
        using var stream = typeof(WordSegmenter).Assembly.GetManifestResourceStream("ChatReport.Conversation.Understanding.DeedWords.txt")
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
