using ChatReport.Bot.Storage.Schedules;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Points;

namespace ChatReport.Bot.Digests;

/// <summary>Picks one group's digest out of the data read for all due branches at once.</summary>
internal static class DigestComposer
{
    private const int MaxTasks = 5;

    public static DigestContent Compose(DigestTarget target, DigestDataReader.DigestData data, int maxItems)
    {
        var unitId = target.Subscription.UnitId;
        var news = data.News[unitId].Where(n => n.RecordedAt > target.WindowStart && n.RecordedAt <= target.WindowEnd).ToList();
        var deeds = news.Where(n => n.Kind == LedgerKind.Bonus).Select(ToLine).ToList();
        var deductions = target.PublishDeductions ? news.Where(n => n.Kind == LedgerKind.Deduction).Select(ToLine).ToList() : [];
        // A branch that shows members only the first N (or only their own place) shows the group
        // no more of its leaders than that: a group has no "own place" to show.
        var lastRank = (data.Rankings.GetValueOrDefault(unitId) ?? RankingPrivacy.Default).LastListedRank();
        var month = data.Days[unitId].Where(d => d.Day >= target.MonthFirst && d.Day <= target.LocalDate).ToDictionary(d => d.Day, d => (int)d.Points);
        return new DigestContent(
            target.Subscription.UnitName,
            target.LocalDate,
            target.Zone,
            target.Quarter,
            [.. deeds.Take(maxItems)],
            deeds.Count,
            [.. deductions.Take(maxItems)],
            deductions.Count,
            [.. data.Leaders[unitId].Where(l => l.Rank <= lastRank).Select(l => new DigestLeader(l.Rank, l.DisplayName, l.Points))],
            [.. data.Tasks[unitId].Take(MaxTasks).Select(t => new DigestTask(t.Id, t.Title, t.Place, t.StartsAt, t.PointsEach, t.Places - t.SignedUp))],
            data.PendingClaims.GetValueOrDefault(unitId),
            [.. Enumerable.Range(1, target.LocalDate.Day).Select(day => month.GetValueOrDefault(target.MonthFirst.AddDays(day - 1)))]);
    }

    // A task's title says more than the rule it was booked under; a deduction without a rule has only its reason.
    private static DigestLine ToLine(DigestDataReader.NewsRow row)
    {
        var what = row.TaskTitle is not null ? LocalizedName.Same(row.TaskTitle)
            : row.RuleNameZh is not null ? new LocalizedName(row.RuleNameZh, row.RuleNameEn ?? row.RuleNameZh)
            : LocalizedName.Same(row.Reason ?? "");
        return new DigestLine(row.DisplayName, what, row.Points);
    }
}
