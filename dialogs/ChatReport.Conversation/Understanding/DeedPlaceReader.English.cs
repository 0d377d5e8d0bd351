using System.Text.RegularExpressions;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Understanding;

// English places: after at, in, near, off, outside…, up to a word that starts something else, without
// the article; an event (the blood donation drive) is not a place.
public static partial class DeedPlaceReader
{
    private static readonly string[] EnglishStops =
        ["for", "with", "from", "to", "and", "by", "helping", "during", "after", "before", "while", "on", "at", "in", "as", "doing", "cleaning",
         "clearing", "this", "last", "yesterday", "today", "all", "until", "since", "when", "then", "so", "because", "but", "near", "where", "who", "they",
         "that", "he", "she", "we", "i", "need", "needed", "the", "a", "an", "whole", "entire", "of", "every", "each", "my", "our", "his", "her", "their", "off"];

    private static readonly string[] Articles = ["the", "a", "an"];

    // at the square, in Liu village, outside the clinic, near the bus stop, off Xinhua Road.
    // Not the in of took part in, sat in on, filled in; not the drive or event the member was at.
    private static string? English(string text)
    {
        for (var english = EnglishPlace().Match(text); english.Success; english = EnglishPlace().Match(text, english.Groups["p"].Index + 1))
        {
            var words = english.Groups["p"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .SkipWhile(w => Articles.Contains(w, StringComparer.OrdinalIgnoreCase))
                .TakeWhile(w => !EnglishStops.Contains(w, StringComparer.OrdinalIgnoreCase) && !w.Any(char.IsAsciiDigit))
                .ToList();
            var place = string.Join(' ', words).Trim();
            if (place.Length > 1 && !EnglishEvent().IsMatch(place))
            {
                return place;
            }
        }

        return null;
    }

    // snow clearing 11/24 village entrance: in a message of bare words, with no one doing anything,
    // a known kind of place and the word or two before it.
    private static string? EnglishKnown(string text)
    {
        if (TextNormalizer.ContainsCjk(text) || EnglishTold().IsMatch(text))
        {
            return null;
        }

        var known = EnglishPlaceNoun().Match(text);
        if (!known.Success)
        {
            return null;
        }

        var before = text[..known.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Not the deed said before it (snow shovelling school gate).
        var taken = before.Reverse().TakeWhile(w => w.All(char.IsAsciiLetter) && !EnglishStops.Contains(w, StringComparer.OrdinalIgnoreCase) && !w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)).Take(2).Reverse();
        return string.Join(' ', [.. taken, known.Value]);
    }

    [GeneratedRegex(@"\b(?:in front of|next to|at|near|beside|along|(?<!\b(?:took|take|taking|set|get|got|turn|turned|show|showed|pay|paid|drop|dropped|log|logged|day|time|days|cut|clock|clocked|sign|signed|kick|kicked) )off|(?<!\b(?:part|participated|participating|joined|joining|join|sat|sitting|pitched|pitching|chipped|chipping|fill|filled|filling|helped|help|engaged|involved|took|take) )in|outside|inside)\s+(?<p>[a-z][a-z' \-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPlace();

    [GeneratedRegex(@"\b(?:drive|event|campaign|activity|activities|meeting|session|fair|festival|party|lesson|class|work|day|rally)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishEvent();

    [GeneratedRegex(@"\b(?:i|we|my|our|he|she|they)\b|\b[a-z]+ed\b|\b(?:did|was|were|went|swept|gave|took|made)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishTold();

    [GeneratedRegex(@"\b(?:entrance|gate|square|committee|clinic|hospital|market|bridge|park|school|crossroads|junction|yard|hall)(?: (?:entrance|gate|square|committee|clinic|hospital|market|bridge|park|school|crossroads|junction|yard|hall))*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPlaceNoun();
}
