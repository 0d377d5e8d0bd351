using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Groups;

/// <summary>The chat's view of <see cref="QuarterNoticeService"/>: quarters are counted in the cycles' time zone.</summary>
public sealed class NoticeDeskAdapter(
    QuarterNoticeService notices,
    ICycleCalendar cycles,
    IMemberDirectory members,
    TimeProvider time,
    IOptions<CycleOptions> cycleOptions) : INoticeDesk
{
    public async Task<QuarterId?> LastEndedQuarterAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        if (await cycles.FindCycleForDateAsync(today, cancellationToken) is not { } cycle)
        {
            return null;
        }

        var quarter = cycle.QuarterOf(today);
        if (quarter > 1)
        {
            return new QuarterId(cycle.Year, quarter - 1);
        }

        return await cycles.FindCycleForDateAsync(cycle.StartsOn.AddDays(-1), cancellationToken) is { } previous ? new QuarterId(previous.Year, 4) : null;
    }

    public async Task<NoticePreview?> PreviewAsync(long unitId, QuarterId quarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        if (quarter.Quarter is < 1 or > 4
            || await cycles.FindCycleAsync(quarter.Year, cancellationToken) is not { } cycle
            || await notices.BuildAsync(unitId, quarter.Year, quarter.Quarter, cancellationToken) is not { } notice)
        {
            return null;
        }

        var hasEnded = Today() > cycle.Quarter(quarter.Quarter).Last;
        return new NoticePreview(notice.UnitName, quarter, hasEnded, notice.Rows.Count, notice.SignOff is null ? null : notice.SignedByName ?? "-", notice.SignOff?.SignedAt);
    }

    public async Task<NoticeSignOffResult> SignOffAsync(long unitId, QuarterId quarter, long memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var outcome = await notices.SignOffAsync(unitId, quarter.Year, quarter.Quarter, memberId, cancellationToken);
        var status = outcome.Status;
        if (outcome.SignOff is not { } signOff)
        {
            return new NoticeSignOffResult(status);
        }

        var signedBy = outcome.Notice?.SignedByName ?? (await members.GetAsync(signOff.SignedBy, cancellationToken))?.DisplayName;
        return new NoticeSignOffResult(status, signedBy, signOff.SignedAt, outcome.GroupsPosted);
    }

    public async Task<NoticeExport?> ExportAsync(long unitId, QuarterId quarter, NoticeExportFormat format, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        if (quarter.Quarter is < 1 or > 4)
        {
            return null;
        }

        return await notices.ExportAsync(unitId, quarter.Year, quarter.Quarter, format, locale, cancellationToken);
    }

    public bool TakesInlineFiles(string channelId) => NoticeRenderer.TakesInlineFiles(channelId);

    public bool CanWritePdf => notices.CanWritePdf;

    private DateOnly Today() => LocalCalendar.Today(time, cycleOptions.Value.TimeZone);
}
