using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatReport.Conversation.Notices;

/// <summary>Reads a quarter as people type it: 2026Q4, 2026 q4, 2026年第四季度, 2026年4季度.</summary>
public static partial class QuarterText
{
    /// <summary>Finds a quarter in <paramref name="text"/>.</summary>
    /// <param name="text">Normalized text (half-width, simplified).</param>
    /// <param name="quarter">The quarter found.</param>
    /// <param name="rest">The text without it, trimmed.</param>
    /// <returns>True when the text names a quarter.</returns>
    public static bool TryFind(string text, out QuarterId? quarter, out string rest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            (quarter, rest) = (null, text.Trim());
            return false;
        }

        var year = int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var q = match.Groups["q"].Value switch
        {
            "一" => 1,
            "二" => 2,
            "三" => 3,
            "四" => 4,
            var digit => int.Parse(digit, NumberStyles.None, CultureInfo.InvariantCulture),
        };
        quarter = new QuarterId(year, q);
        rest = text.Remove(match.Index, match.Length).Trim();
        return true;
    }

    [GeneratedRegex(@"(?<year>\d{4})\s*(?:[-_/]?\s*q\s*(?<q>[1-4])|年\s*第?\s*(?<q>[1-4一二三四])\s*季度?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
