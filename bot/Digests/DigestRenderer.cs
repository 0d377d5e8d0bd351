using System.Text;
using System.Text.Json.Nodes;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Turns a digest into the message a group receives: short plain-text lines for every channel,
/// and on channels that render them an Adaptive Card whose fallback is that same text.
/// </summary>
public static class DigestRenderer
{
    // chart: the month's chart as PNG, for channels that render cards; its numbers are in the text too.
    public static Activity Render(DigestContent content, bool isLate, string channelId, string? locale, byte[]? chart = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(channelId);
        var texts = DigestTexts.ForLocale(locale);
        var english = texts.IsEnglish;
        var title = texts.DigestTitle(content.UnitName, content.LocalDate) + (isLate ? texts.LateMark : "");
        var sections = new List<(string? Heading, List<(string Title, string Value)> Facts, string? Note)>();

        if (content.DeedCount > 0)
        {
            sections.Add((texts.DeedsHeading(content.DeedCount), Lines(content.Deeds, texts), More(content.DeedCount - content.Deeds.Count, texts)));
        }

        if (content.DeductionCount > 0)
        {
            sections.Add((texts.DeductionsHeading(content.DeductionCount), Lines(content.Deductions, texts), More(content.DeductionCount - content.Deductions.Count, texts)));
        }

        if (!content.HasNews)
        {
            sections.Add((null, [], texts.NoNews));
        }

        var monthSection = -1;
        if (content.MonthByDay is { Count: > 0 } month)
        {
            monthSection = sections.Count;
            sections.Add((texts.MonthHeading(content.LocalDate), [], texts.MonthDays(new DateOnly(content.LocalDate.Year, content.LocalDate.Month, 1), month)));
        }

        if (content.TopThree.Count > 0)
        {
            sections.Add((texts.TopThreeHeading(content.Quarter), [.. content.TopThree.Select(l => ($"{l.Rank}. {l.MemberName}", texts.Total(l.Points)))], null));
        }

        if (content.OpenTasks.Count > 0)
        {
            sections.Add((texts.TasksHeading, [.. content.OpenTasks.Select(t => (texts.TaskTime(TimeZoneInfo.ConvertTime(t.StartsAt, content.Zone).DateTime), TaskLine(t, texts)))], null));
        }

        if (content.PendingClaims > 0)
        {
            sections.Add((null, [], texts.PendingClaims(content.PendingClaims)));
        }

        var text = new StringBuilder(title);
        foreach (var (heading, facts, note) in sections)
        {
            text.Append('\n');
            if (heading is not null)
            {
                text.Append('\n').Append(heading);
            }

            foreach (var (factTitle, value) in facts)
            {
                text.Append('\n').Append(factTitle).Append(' ').Append(value);
            }

            if (note is not null)
            {
                text.Append('\n').Append(note);
            }
        }

        var plain = text.ToString();
        if (!AdaptiveCards.RendersCards(channelId))
        {
            return Message(plain, null, english);
        }

        var card = AdaptiveCards.Card(plain);
        var body = (JsonArray)card["body"]!;
        body.Add(AdaptiveCards.Title(title));
        foreach (var (index, (heading, facts, note)) in sections.Index())
        {
            if (heading is not null)
            {
                body.Add(AdaptiveCards.Heading(heading));
            }

            if (index == monthSection && chart is not null)
            {
                body.Add(AdaptiveCards.Image(chart, texts.MonthChartTitle(content.LocalDate)));
            }

            if (facts.Count > 0)
            {
                body.Add(AdaptiveCards.Facts(facts));
            }

            if (note is not null)
            {
                body.Add(AdaptiveCards.Text(note, subtle: heading is not null));
            }
        }

        // The title doubles as the notification preview; the card repeats it, so the text stays out.
        return Message(null, card, english) with { Summary = title };
    }

    private static List<(string, string)> Lines(IEnumerable<DigestLine> lines, DigestTexts texts) =>
        [.. lines.Select(l => (l.MemberName, $"{l.What.For(texts.IsEnglish)} {texts.Points(l.Points)}"))];

    private static string? More(int hidden, DigestTexts texts) => hidden > 0 ? texts.More(hidden) : null;

    private static string TaskLine(DigestTask task, DigestTexts texts)
    {
        var line = new StringBuilder(task.Title);
        if (!string.IsNullOrWhiteSpace(task.Place))
        {
            line.Append(texts.IsEnglish ? $" ({task.Place})" : $"（{task.Place}）");
        }

        line.Append(' ').Append(texts.PointsEach(task.PointsEach));
        if (task.PlacesLeft is { } left)
        {
            line.Append(texts.IsEnglish ? ", " : "，").Append(texts.PlacesLeft(left));
        }

        return line.ToString();
    }

    private static Activity Message(string? text, JsonObject? card, bool english) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "plain",
        Locale = english ? "en-US" : "zh-CN",
        Attachments = card is null ? null : [AdaptiveCards.ToAttachment(card)],
    };
}
