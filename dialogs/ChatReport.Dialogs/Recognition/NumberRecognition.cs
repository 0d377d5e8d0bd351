using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ChatReport.Dialogs.Recognition;

/// <summary>Numbers and ordinals in Chinese and English, through Microsoft.Recognizers.Text.</summary>
public static class NumberRecognition
{
    // Recognizers.Text is slow next to a dictionary look-up; see RecognitionMemo.
    private static readonly RecognitionMemo<(string Text, string Cultures), RecognizedNumber[]> Numbers = new(4096);
    private static readonly RecognitionMemo<(string Text, string Cultures, int Count), int?> Ordinals = new(4096);

    private static readonly RecognizerModels<IModel> NumberModels =
        new(culture => new NumberRecognizer(culture, NumberOptions.None).GetNumberModel(culture, fallbackToDefaultCulture: false));

    private static readonly RecognizerModels<IModel> OrdinalModels =
        new(culture => new NumberRecognizer(culture, NumberOptions.None).GetOrdinalModel(culture, fallbackToDefaultCulture: false));

    /// <summary>
    /// The numbers in <paramref name="text"/>, in order, from the first of <paramref name="cultures"/>
    /// that finds any (二十分 → 20, 加1分 → 1, "twenty points" → 20). Traditional characters and
    /// full-width digits are normalized first.
    /// </summary>
    public static IReadOnlyList<RecognizedNumber> Recognize(string? text, IReadOnlyList<string> cultures)
    {
        ArgumentNullException.ThrowIfNull(cultures);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var normalized = TextNormalizer.Normalize(text);
        return Numbers.GetOrAdd((normalized, string.Join('|', cultures)), cultures, static (key, cultures) => RecognizeNormalized(key.Text, cultures));
    }

    private static RecognizedNumber[] RecognizeNormalized(string normalized, IReadOnlyList<string> cultures)
    {
        foreach (var culture in cultures)
        {
            var found = new List<RecognizedNumber>();
            foreach (var result in NumberModels.Use(culture, normalized, static (model, text) => model.Parse(text)))
            {
                if (TryValue(result, out var value))
                {
                    found.Add(new RecognizedNumber(value, result.Start, result.End - result.Start + 1));
                }
            }

            if (found.Count > 0)
            {
                return [.. found];
            }
        }

        return [];
    }

    /// <summary>
    /// The 1-based position an ordinal in <paramref name="text"/> points at in a list of
    /// <paramref name="count"/> items (第二个 → 2, "the last one" → <paramref name="count"/>),
    /// when the text is nothing but that ordinal and a few filler words.
    /// </summary>
    public static int? RecognizeOrdinal(string? text, IReadOnlyList<string> cultures, int count)
    {
        ArgumentNullException.ThrowIfNull(cultures);
        var matchText = TextNormalizer.ForMatching(text);
        if (matchText.Length == 0)
        {
            return null;
        }

        if (ChineseLast.Contains(matchText) || matchText.Equals("last", StringComparison.OrdinalIgnoreCase) || matchText.Equals("the last one", StringComparison.OrdinalIgnoreCase))
        {
            return count;
        }

        return Ordinals.GetOrAdd((matchText, string.Join('|', cultures), count), cultures, static (key, cultures) => RecognizeOrdinalOf(key.Text, cultures, key.Count));
    }

    private static int? RecognizeOrdinalOf(string matchText, IReadOnlyList<string> cultures, int count)
    {
        foreach (var culture in cultures)
        {
            var results = OrdinalModels.Use(culture, matchText, static (model, text) => model.Parse(text));
            if (results.Count != 1 || !IsOnlyFiller(matchText.Remove(results[0].Start, results[0].End - results[0].Start + 1)))
            {
                continue;
            }

            if (results[0].Resolution is not { } resolution)
            {
                continue;
            }

            var fromEnd = resolution.TryGetValue("relativeTo", out var relativeTo) && "end".Equals(relativeTo as string, StringComparison.Ordinal);
            if (!resolution.TryGetValue("offset", out var offsetValue)
                || !int.TryParse(offsetValue as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset))
            {
                continue;
            }

            var position = fromEnd ? count + offset : offset;
            if (matchText.StartsWith("倒数", StringComparison.Ordinal) && !fromEnd)
            {
                position = count - offset + 1;
            }

            return position;
        }

        return null;
    }

    internal static bool TryValue(ModelResult result, out decimal value)
    {
        value = 0;
        return result.Resolution is { } resolution
            && resolution.TryGetValue("value", out var raw)
            && raw is string text
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static readonly HashSet<string> ChineseLast = new(StringComparer.Ordinal) { "最后", "最后一个", "最后一项", "最后一条", "最后那个" };

    private static readonly string[] Filler =
        ["the", "one", "option", "choice", "please", "个", "项", "条", "种", "吧", "我选", "选", "要", "那", "倒数", "号"];

    private static bool IsOnlyFiller(string rest)
    {
        var remaining = rest;
        foreach (var word in Filler)
        {
            remaining = remaining.Replace(word, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return string.IsNullOrWhiteSpace(remaining);
    }
}
