using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Points;

/// <summary>Answers 排行榜: the branch's top 10 this quarter and this year, and the member's own place.</summary>
public sealed class RankingDialog : Dialog
{
    private const int Top = 10;
    private readonly IMemberDirectory _members;
    private readonly ICycleCalendar _cycles;
    private readonly ILedger _ledger;
    private readonly TimeProvider _time;

    /// <summary>Creates the dialog.</summary>
    /// <param name="members">Who is asking.</param>
    /// <param name="cycles">The cycles.</param>
    /// <param name="ledger">The points.</param>
    /// <param name="time">The clock.</param>
    public RankingDialog(IMemberDirectory members, ICycleCalendar cycles, ILedger ledger, TimeProvider time)
        : base(nameof(RankingDialog))
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        _members = members;
        _cycles = cycles;
        _ledger = ledger;
        _time = time;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<PointsTexts>();
        if (await CurrentMember.RequireAsync(_members, dc.Context, dc.Texts<ConversationTexts>(), cancellationToken) is not { } member)
        {
            return await dc.EndDialogAsync(cancellationToken);
        }

        var today = dc.UserLocale.LocalDate(_time.GetUtcNow());
        if (await _cycles.FindCycleForDateAsync(today, cancellationToken) is not { } cycle)
        {
            await dc.Context.SendTextAsync(texts.NoCycle, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var quarter = cycle.QuarterOf(today);
        var lines = new List<string> { texts.QuarterRanking(quarter) };
        lines.AddRange(await SectionAsync(member, cycle, quarter, texts, cancellationToken));
        // A blank line ends the quarter's list, so no reader runs the year's heading into it.
        lines.Add("");
        lines.Add(texts.YearRanking(cycle.Year));
        lines.AddRange(await SectionAsync(member, cycle, null, texts, cancellationToken));
        await dc.Context.SendTextAsync(string.Join("\n", lines), cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }

    private async Task<List<string>> SectionAsync(Member member, Cycle cycle, int? quarter, PointsTexts texts, CancellationToken cancellationToken)
    {
        var standings = await _ledger.GetStandingsAsync(member.UnitId, cycle.Id, quarter, cancellationToken);
        if (standings.Count == 0)
        {
            return [texts.NobodyRanked];
        }

        var lines = standings.Take(Top).Select(s => texts.RankingLine(s.Rank, s.DisplayName, s.Points.Total)).ToList();
        if (standings.FirstOrDefault(s => s.MemberId == member.Id) is { } own)
        {
            lines.Add(texts.YourPosition(own.Rank, own.Points.Total));
        }

        return lines;
    }
}
