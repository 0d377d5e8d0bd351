using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Finds which of a list of choices a message picks: exactly (value, title or synonym), by its
/// number (2, ２, 二, 第二个, the second one, 最后一个), or partially (the message contains the
/// choice, or is a distinctive part of it). Comparison is ordinal and ignores case, after
/// <see cref="TextNormalizer.ForMatching"/>, so full-width and traditional input match too.
/// An ambiguous partial match picks nothing, so the prompt asks again instead of guessing.
/// </summary>
public static partial class ChoiceRecognition
{
    private static readonly string[] Cultures = [Culture.Chinese, Culture.English];

    /// <summary>The choice <paramref name="text"/> picks from <paramref name="choices"/>, or null.</summary>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var input = TextNormalizer.ForMatching(text);
        if (input.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (TokensOf(choices[i]).Any(token => token.Equals(input, StringComparison.OrdinalIgnoreCase)))
            {
                return new FoundChoice(choices[i].Value, i, ChoiceMatchKind.Exact);
            }
        }

        var position = RecognizePosition(input, choices.Count);
        if (position is >= 1 && position <= choices.Count)
        {
            return new FoundChoice(choices[position.Value - 1].Value, position.Value - 1, ChoiceMatchKind.Index);
        }

        return RecognizePartial(input, choices);
    }

    private static IEnumerable<string> TokensOf(Choice choice) =>
        new[] { choice.Value, choice.Title }
            .Concat(choice.Synonyms)
            .Select(TextNormalizer.ForMatching)
            .Where(token => token.Length > 0);

    private static int? RecognizePosition(string input, int count)
    {
        var number = Numbered().Match(input);
        if (number.Success)
        {
            var digits = number.Groups["n"].Value;
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }

            var chinese = NumberRecognition.Recognize(digits, [Culture.Chinese]);
            return chinese.Count == 1 && chinese[0].Value == decimal.Truncate(chinese[0].Value) && chinese[0].Value <= count
                ? (int)chinese[0].Value
                : null;
        }

        return NumberRecognition.RecognizeOrdinal(input, Cultures, count);
    }

    private static FoundChoice? RecognizePartial(string input, IReadOnlyList<Choice> choices)
    {
        var best = -1;
        var bestScore = 0;
        var tie = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var score = TokensOf(choices[i]).Select(token => PartialScore(input, token)).DefaultIfEmpty(0).Max();
            if (score > bestScore)
            {
                (best, bestScore, tie) = (i, score, false);
            }
            else if (score > 0 && score == bestScore)
            {
                tie = true;
            }
        }

        return best >= 0 && !tie ? new FoundChoice(choices[best].Value, best, ChoiceMatchKind.Partial) : null;
    }

    // The number of characters the two share, when one contains the other in a way that means
    // something: a single Chinese character or a bit of an English word is not enough.
    private static int PartialScore(string input, string token)
    {
        if (input.Contains(token, StringComparison.OrdinalIgnoreCase) && IsMeaningful(token, input))
        {
            return token.Length;
        }

        return token.Contains(input, StringComparison.OrdinalIgnoreCase) && IsMeaningful(input, token) ? input.Length : 0;
    }

    private static bool IsMeaningful(string part, string whole)
    {
        if (TextNormalizer.ContainsCjk(part))
        {
            return part.Length >= 2;
        }

        // Latin: whole words only ("no" is not in "snow").
        return part.Length >= 2 && Regex.IsMatch(whole, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(part)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^(?:第|选|选择|选第|no\.?|number|option|#)?\s*(?<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个|项|条|号|种|\.|、)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();
}
