using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Points;

/// <summary>
/// Answers 排行榜: the branch's ranking this quarter and this year as far as the branch's setting
/// (排行榜设置) shows it, ties at the last listed rank included, and the member's own place.
/// </summary>
/// <param name="members">Who is asking.</param>
/// <param name="cycles">The cycles.</param>
/// <param name="ledger">The points.</param>
/// <param name="time">The clock.</param>
/// <param name="settings">Each branch's ranking setting.</param>
public sealed class RankingDialog(IMemberDirectory members, ICycleCalendar cycles, ILedger ledger, TimeProvider time, IRankingSettings settings) : Dialog(nameof(RankingDialog))
{
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
        if (await cycles.FindCycleForDateAsync(today, cancellationToken) is not { } cycle)
        {
            await dc.Context.SendTextAsync(texts.NoCycle, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var quarter = cycle.QuarterOf(today);
        var privacy = await settings.GetAsync(member.UnitId, cancellationToken);
        var notes = dc.Texts<RankingSettingsTexts>();
        var lines = new List<string> { texts.QuarterRanking(quarter) };
        lines.AddRange(await SectionAsync(member, cycle, quarter, privacy, texts, notes, cancellationToken));
        // A blank line ends the quarter's list, so no reader runs the year's heading into it.
        lines.Add("");
        lines.Add(texts.YearRanking(cycle.Year));
        lines.AddRange(await SectionAsync(member, cycle, null, privacy, texts, notes, cancellationToken));
        if (privacy.Visibility != RankingVisibility.All)
        {
            lines.Add("");
            lines.Add(privacy.Visibility == RankingVisibility.Own ? notes.OwnNote : notes.TopNote(privacy.LastListedRank()));
        }

        await dc.Context.SendTextAsync(string.Join("\n", lines), cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }

    private async Task<List<string>> SectionAsync(Member member, Cycle cycle, int? quarter, RankingPrivacy privacy, PointsTexts texts, RankingSettingsTexts notes, CancellationToken cancellationToken)
    {
        var standings = await ledger.GetStandingsAsync(member.UnitId, cycle.Id, quarter, cancellationToken);
        var own = standings.FirstOrDefault(s => s.MemberId == member.Id);
        if (privacy.Visibility == RankingVisibility.Own)
        {
            return [own is null ? notes.NotRankedYet : texts.YourPosition(own.Rank, own.Points.Total)];
        }

        if (standings.Count == 0)
        {
            return [texts.NobodyRanked];
        }

        var lines = privacy.Listed(standings).Select(s => texts.RankingLine(s.Rank, s.DisplayName, s.Points.Total)).ToList();
        if (own is not null)
        {
            lines.Add(texts.YourPosition(own.Rank, own.Points.Total));
        }

        return lines;
    }
}
