using System.Globalization;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Points;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Bot.Charts;

/// <summary>
/// 我的积分's months: the member's points per month of the cycle against the branch's median over
/// its active members (a member without points that month counts as 0), drawn as a chart for the
/// channels that show inline images (Web Chat, Direct Line, the Emulator).
/// </summary>
public sealed class PointsChartsAdapter(ChartDataStore data, ChartRenderer renderer) : IPointsCharts
{
    // Drawing and encoding the PNG is most of a 我的积分 turn on these channels, and a member asks
    // again long before the numbers change. Keyed by everything drawn, so a new ledger entry that
    // moves a bar is a new picture; bounded (about 20 KB each).
    private readonly RecognitionMemo<string, string> _drawn = new(256, StringComparer.Ordinal);

    public async Task<MonthlyPoints> MonthlyAsync(Member member, Cycle cycle, DateOnly today, ReplyLanguage language, string channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(cycle);
        var (roster, points) = await data.ReadMonthsAsync(member.UnitId, cycle.Id, cancellationToken);
        var byMonth = points.ToLookup(p => p.Month, StringComparer.Ordinal);
        var months = new List<MonthPoints>();
        var last = today < cycle.EndsOn ? today : cycle.EndsOn;
        for (var month = new DateOnly(cycle.StartsOn.Year, cycle.StartsOn.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var earned = byMonth[key].ToDictionary(p => p.MemberId, p => (int)p.Points);
            var all = roster.Select(id => earned.GetValueOrDefault(id)).ToList();
            months.Add(new MonthPoints(month.Year, month.Month, earned.GetValueOrDefault(member.Id), Median(all)));
        }

        if (months.Count == 0 || !NoticeRenderer.TakesInlineFiles(channelId))
        {
            return new MonthlyPoints(months, null);
        }

        var texts = PointsTexts.ForLanguage(language);
        var chart = new BarChart(
            texts.MonthsChartTitle,
            [.. months.Select(m => language == ReplyLanguage.English ? CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetAbbreviatedMonthName(m.Month) : $"{m.Month}月")],
            [.. months.Select(m => m.Mine)],
            texts.MonthsChartMine,
            [.. months.Select(m => m.BranchMedian)],
            texts.MonthsChartMedian);
        var url = _drawn.GetOrAdd(Drawn(chart), chart, (_, c) => ChartAttachment.Png(renderer.Render(c), Name).ContentUrl!);
        return new MonthlyPoints(months, ChartAttachment.Png(url, Name));
    }

    private const string Name = "my-points.png";

    // Every text and number the picture shows.
    private static string Drawn(BarChart chart) => string.Join(
        '\u001F',
        [chart.Title, chart.ValuesLabel, chart.ComparisonLabel, chart.EmptyText, .. chart.Categories,
            .. chart.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)),
            .. (chart.Comparison ?? []).Select(v => v.ToString("R", CultureInfo.InvariantCulture))]);

    public static double Median(IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
