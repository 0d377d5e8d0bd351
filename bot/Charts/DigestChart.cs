using System.Globalization;
using ChatReport.Bot.Digests;

namespace ChatReport.Bot.Charts;

/// <summary>
/// The evening digest's picture: the branch's points on each day of the month so far, by the day
/// the deeds were done. By day rather than by rule: the digest already lists the day's deeds with
/// their rules, and what a secretary cannot see in a list is the month's rhythm (quiet weeks, the
/// days after a call to action). Drawn only for channels that render the digest as a card (Web
/// Chat, Direct Line, the Emulator, Teams), as an image inside the card; the numbers are in the
/// text on every channel.
/// </summary>
public sealed class DigestChart(ChartRenderer renderer) : IDigestChart
{
    /// <summary>
    /// Teams refuses a bot message over about 28 KB, card included; a larger picture is left out
    /// there (the text still has the numbers).
    /// </summary>
    public const int MaxTeamsBytes = 18 * 1024;

    public byte[]? Draw(DigestContent content, string channelId, string? locale)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.MonthByDay is not { Count: > 0 } days || !AdaptiveCards.RendersCards(channelId))
        {
            return null;
        }

        var texts = DigestTexts.ForLocale(locale);
        var png = Render(content.LocalDate, days, texts, 1);
        if (!string.Equals(channelId, "msteams", StringComparison.OrdinalIgnoreCase) || png.Length <= MaxTeamsBytes)
        {
            return png;
        }

        // Three quarters of the size still reads on a phone (540 pixels for about 360 points).
        png = Render(content.LocalDate, days, texts, 0.75f);
        return png.Length <= MaxTeamsBytes ? png : null;
    }

    /// <summary>The chart of <paramref name="days"/> (index 0 the 1st of <paramref name="localDate"/>'s month).</summary>
    public byte[] Render(DateOnly localDate, IReadOnlyList<int> days, DigestTexts texts, float scale = 1)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(texts);
        return renderer.Render(new BarChart(
            texts.MonthChartTitle(localDate),
            [.. days.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture))],
            days,
            texts.MonthChartBars,
            EmptyText: texts.MonthChartEmpty),
            scale);
    }
}
