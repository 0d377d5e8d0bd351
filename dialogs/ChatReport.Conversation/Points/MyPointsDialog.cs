using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Points;

/// <summary>
/// Answers 我的积分 in one short message: this cycle's total (base + bonus − deductions), this
/// quarter's entries (newest first, a few), pending claims and the rank in the branch.
/// </summary>
/// <param name="members">Who is asking.</param>
/// <param name="cycles">The cycles.</param>
/// <param name="ledger">The points.</param>
/// <param name="claims">Pending claims.</param>
/// <param name="rules">Rule names for the entries.</param>
/// <param name="time">The clock.</param>
/// <param name="charts">Points by month, and their chart.</param>
public sealed class MyPointsDialog(
    IMemberDirectory members,
    ICycleCalendar cycles,
    ILedger ledger,
    IClaimBook claims,
    IRuleBook rules,
    TimeProvider time,
    IPointsCharts charts)
    : Dialog(nameof(MyPointsDialog))
{
    private const int MaxEntries = 6;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<PointsTexts>();
        if (await CurrentMember.RequireAsync(members, dc.Context, dc.Texts<ConversationTexts>(), cancellationToken) is not { } member)
        {
            return await dc.EndDialogAsync(cancellationToken);
        }

        var today = dc.UserLocale.LocalDate(time.GetUtcNow());
        var current = await cycles.FindCycleForDateAsync(today, cancellationToken);
        if ((options as MyPointsOptions)?.Year is { } year && year != current?.Year)
        {
            return await PastCycleAsync(dc, member, year, texts, cancellationToken);
        }

        if (current is not { } cycle)
        {
            await dc.Context.SendTextAsync(texts.NoCycle, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var quarter = cycle.QuarterOf(today);
        var total = await ledger.GetTotalAsync(member.Id, cycle.Id, null, cancellationToken);
        var entries = await ledger.ListEntriesAsync(member.Id, cycle.Id, quarter, cancellationToken);
        var pending = await claims.ListForMemberAsync(member.Id, cycle.Id, ClaimStatus.Pending, cancellationToken);
        var rank = await ledger.GetRankAsync(member.Id, cycle.Id, null, cancellationToken);
        var ruleById = (await rules.ListActiveAsync(cancellationToken)).ToDictionary(r => r.Id);

        var lines = new List<string> { texts.Total(cycle.Year, total.Total, total.Base, total.Bonus, total.Deduction), texts.QuarterHeader(quarter) };
        var newestFirst = entries.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).ToList();
        lines.AddRange(newestFirst.Take(MaxEntries).Select(e => texts.Entry(e.OccurredOn, Label(e, ruleById, dc, texts), e.Points)));
        if (newestFirst.Count > MaxEntries)
        {
            lines.Add(texts.MoreEntries(newestFirst.Count - MaxEntries));
        }
        else if (newestFirst.Count == 0)
        {
            lines.Add(texts.NoEntries);
        }

        if (pending.Count > 0)
        {
            lines.Add(texts.Pending(pending.Count, string.Join(", ", pending.Select(c => c.Id).Order())));
        }

        if (rank is not null)
        {
            lines.Add(texts.Rank(rank.Standing.Rank, rank.RankedMembers));
        }

        // The months in words for every channel; the chart of them where the channel shows images.
        var monthly = await charts.MonthlyAsync(member, cycle, today, dc.Language, dc.Context.Activity.ChannelId ?? "", cancellationToken);
        if (monthly.Months.Count > 0)
        {
            lines.Add(texts.Months(monthly.Months));
        }

        var reply = dc.Context.Activity.CreateReply(string.Join("\n", lines));
        await dc.Context.SendActivityAsync(monthly.Chart is { } chart ? reply with { Attachments = [chart] } : reply, cancellationToken);
        return await dc.EndDialogAsync(total, cancellationToken);
    }

    // An earlier cycle: its total and the rank it ended with; its entries are on the quarterly notices.
    private async Task<DialogTurnResult> PastCycleAsync(DialogContext dc, Member member, int year, PointsTexts texts, CancellationToken cancellationToken)
    {
        if (await cycles.FindCycleAsync(year, cancellationToken) is not { } cycle)
        {
            await dc.Context.SendTextAsync(texts.NoCycleForYear(year), cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var total = await ledger.GetTotalAsync(member.Id, cycle.Id, null, cancellationToken);
        var lines = new List<string> { texts.Total(cycle.Year, total.Total, total.Base, total.Bonus, total.Deduction) };
        if (await ledger.GetRankAsync(member.Id, cycle.Id, null, cancellationToken) is { } rank)
        {
            lines.Add(texts.Rank(rank.Standing.Rank, rank.RankedMembers));
        }

        await dc.Context.SendTextAsync(string.Join("\n", lines), cancellationToken);
        return await dc.EndDialogAsync(total, cancellationToken);
    }

    private static string Label(LedgerEntry entry, Dictionary<long, PointRule> ruleById, DialogContext dc, PointsTexts texts)
    {
        if (entry.Kind == LedgerKind.Bonus && entry.RuleId is { } ruleId && ruleById.TryGetValue(ruleId, out var rule))
        {
            return RuleNames.Of(rule, dc.Language);
        }

        return entry.Kind switch
        {
            LedgerKind.Base => texts.KindBase,
            LedgerKind.Bonus => texts.KindBonus,
            LedgerKind.Deduction => entry.Reason is { Length: > 0 } reason ? $"{texts.KindDeduction} {reason}" : texts.KindDeduction,
            LedgerKind.Adjustment => texts.KindAdjustment,
            _ => texts.KindReversal,
        };
    }
}
