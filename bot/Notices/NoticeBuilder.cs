using ChatReport.Bot.Digests;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Notices;

/// <summary>Builds a branch's quarterly notice from its ledger: two queries, whatever the branch's size.</summary>
public sealed class NoticeBuilder(NoticeStore store, IOrganisation organisation, ICycleCalendar cycles, IMemberDirectory members, IOptions<CycleOptions> cycleOptions)
{
    /// <summary>The notice, or null when the unit or the cycle of <paramref name="year"/> does not exist.</summary>
    public async Task<QuarterNotice?> BuildAsync(long unitId, int year, int quarter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var unit = await organisation.GetUnitAsync(unitId, cancellationToken);
        var cycle = await cycles.FindCycleAsync(year, cancellationToken);
        if (unit is null || cycle is null)
        {
            return null;
        }

        var signOff = await cycles.FindSignOffAsync(unitId, year, quarter, cancellationToken);
        var signer = signOff is null ? null : await members.GetAsync(signOff.SignedBy, cancellationToken);
        var (entries, roll) = await store.ReadAsync(unitId, cycle.Id, quarter, cancellationToken);
        var itemsByMember = entries.ToLookup(e => e.MemberId);

        var rows = roll
            .Select(m => Row(m, itemsByMember[m.MemberId]))
            .OrderByDescending(r => r.CycleTotal)
            .ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .ThenBy(r => r.MemberId)
            .ToList();
        // Standard competition ranking, as on a paper board: 1, 2, 2, 4.
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Rank = i > 0 && rows[i].CycleTotal == rows[i - 1].CycleTotal ? rows[i - 1].Rank : i + 1 };
        }

        var signedOn = signOff is null ? (DateOnly?)null : LocalCalendar.ToLocalDate(signOff.SignedAt, cycleOptions.Value.TimeZone);
        return new QuarterNotice(unit.Id, unit.Name, year, quarter, cycle.Quarter(quarter), signOff, signer?.DisplayName, signedOn, rows);
    }

    private static NoticeRow Row(NoticeStore.MemberRow member, IEnumerable<NoticeStore.EntryRow> entries)
    {
        int basePoints = 0, additions = 0, deductions = 0;
        var items = new List<NoticeItem>();
        foreach (var entry in entries)
        {
            // A correction counts in the part of the entry it corrects.
            switch (entry.CorrectsKind ?? entry.Kind)
            {
                case LedgerKind.Base:
                    basePoints += entry.Points;
                    break;
                case LedgerKind.Deduction:
                    deductions -= entry.Points;
                    break;
                default:
                    additions += entry.Points;
                    break;
            }

            items.Add(new NoticeItem(
                entry.Id,
                entry.OccurredOn,
                entry.Kind,
                entry.Points,
                What(entry),
                entry.ReversesEntryId is { } corrected ? new NoticeCorrection(corrected, entry.CorrectsQuarter ?? 0) : null));
        }

        return new NoticeRow(0, member.MemberId, member.DisplayName, basePoints, additions, deductions, member.CycleTotal, items);
    }

    private static LocalizedName What(NoticeStore.EntryRow entry)
    {
        var zh = entry.TaskTitle ?? entry.RuleNameZh ?? "";
        var en = entry.TaskTitle ?? entry.RuleNameEn ?? zh;
        // A correction is explained by its reason; an award by what the member reported.
        var detail = entry.Kind is LedgerKind.Reversal or LedgerKind.Adjustment ? entry.Reason ?? entry.ClaimDescription : entry.ClaimDescription ?? entry.Reason;
        if (string.IsNullOrWhiteSpace(detail) || detail == zh)
        {
            return new LocalizedName(zh, en);
        }

        return zh.Length == 0 ? LocalizedName.Same(detail) : new LocalizedName($"{zh}：{detail}", $"{en}: {detail}");
    }
}
