using ChatReport.Bot.Digests;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Notices;

/// <summary>
/// The quarterly public notice (张榜公示): at quarter end the reviewers get the branch's notice
/// to check; the secretary signs it off, which locks the quarter (later corrections are booked
/// into the next quarter by the ledger); then the notice is posted to the branch's groups. Each
/// recipient gets each notice once: deliveries are claimed in the database before sending.
/// </summary>
/// <remarks>
/// Review copies go out at the installation's digest time (<c>Digest:Schedule</c> in
/// <c>Digest:TimeZone</c>) on the first day after the quarter, or on the first round within a
/// week after it when the bot was down. Signed-off notices that did not reach every group
/// (a crash, a group added later within the week) are posted by the next round.
/// </remarks>
public sealed class QuarterNoticeService(
    NoticeBuilder builder,
    NoticeStore store,
    NoticePdfWriter pdf,
    ICycleCalendar cycles,
    IMemberDirectory members,
    IGroupMessenger messenger,
    GroupCommit commits,
    SendPacer pacer,
    TimeProvider time,
    IOptions<DigestOptions> digestOptions,
    IOptions<CycleOptions> cycleOptions,
    IOptions<ObjectionOptions> objectionOptions,
    ILogger<QuarterNoticeService> logger)
{
    private static readonly TimeSpan s_catchUp = TimeSpan.FromDays(7);

    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public Task<QuarterNotice?> BuildAsync(long unitId, int year, int quarter, CancellationToken cancellationToken) =>
        builder.BuildAsync(unitId, year, quarter, cancellationToken);

    /// <summary>The notice as a file for chat or disk; null when the unit or cycle does not exist.</summary>
    public async Task<NoticeExport?> ExportAsync(long unitId, int year, int quarter, NoticeExportFormat format, string? locale, CancellationToken cancellationToken)
    {
        var notice = await builder.BuildAsync(unitId, year, quarter, cancellationToken);
        if (notice is null)
        {
            return null;
        }

        if (format != NoticeExportFormat.Pdf)
        {
            return await NoticeExporter.ExportAsync(notice, format, locale, cancellationToken);
        }

        var publicityEnds = notice.SignedOn?.AddDays(objectionOptions.Value.ObjectionDays);
        return new NoticeExport(NoticeExporter.FileName(notice) + ".pdf", NoticePdfWriter.ContentType, pdf.Write(notice, publicityEnds, locale));
    }

    /// <summary>Whether <see cref="ExportAsync"/> can write PDF here (a Chinese TrueType font is installed).</summary>
    public bool CanWritePdf => pdf.IsAvailable;

    /// <summary>
    /// The secretary's sign-off (签字确认 2026Q4): only the branch's secretary, only once the
    /// quarter has ended. Locks the quarter and posts the notice to the branch's groups.
    /// </summary>
    public async Task<SignOffOutcome> SignOffAsync(long unitId, int year, int quarter, long secretaryId, CancellationToken cancellationToken)
    {
        if (quarter is < 1 or > 4 || await cycles.FindCycleAsync(year, cancellationToken) is not { } cycle)
        {
            return new SignOffOutcome(NoticeSignOffStatus.NoSuchQuarter, null, null, 0);
        }

        var secretary = await members.GetAsync(secretaryId, cancellationToken);
        var roles = secretary is { IsActive: true } ? await members.GetRolesAsync(secretaryId, cancellationToken) : [];
        if (!roles.Any(r => r.UnitId == unitId && r.Role == Role.Secretary))
        {
            return new SignOffOutcome(NoticeSignOffStatus.NotSecretary, null, null, 0);
        }

        if (LocalCalendar.Today(time, cycleOptions.Value.TimeZone) <= cycle.Quarter(quarter).Last)
        {
            return new SignOffOutcome(NoticeSignOffStatus.QuarterNotOver, null, null, 0);
        }

        var result = await cycles.SignOffQuarterAsync(unitId, year, quarter, secretaryId, cancellationToken);
        logger.LogInformation("Unit {UnitId} quarter {Year}Q{Quarter} signed off by member {MemberId}", unitId, year, quarter, result.SignOff.SignedBy);
        var posted = await PublishAsync(unitId, cancellationToken);
        var notice = await builder.BuildAsync(unitId, year, quarter, cancellationToken);
        return new SignOffOutcome(result.AlreadySignedOff ? NoticeSignOffStatus.AlreadySignedOff : NoticeSignOffStatus.SignedOff, result.SignOff, notice, posted);
    }

    /// <summary>One scheduler round: review copies when a quarter has just ended, and signed-off notices not yet posted.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        if (await EndedQuarterAsync(cancellationToken) is { } ended)
        {
            await SendForReviewAsync(ended.Year, ended.Quarter, cancellationToken);
        }

        await PublishAsync(null, cancellationToken);
    }

    /// <summary>Sends the quarter's notice to every reviewer who has not had it, of every branch that has not signed it off. Returns how many were sent.</summary>
    public async Task<int> SendForReviewAsync(int year, int quarter, CancellationToken cancellationToken)
    {
        var recipients = await store.ListReviewRecipientsAsync(year, quarter, StaleBefore(), cancellationToken);
        return await DeliverAllAsync(recipients, NoticePurpose.Review, cancellationToken);
    }

    /// <summary>Posts signed-off notices (of the last week) to the groups that have not had them. Returns how many were posted.</summary>
    public async Task<int> PublishAsync(long? unitId, CancellationToken cancellationToken)
    {
        var recipients = await store.ListPublishRecipientsAsync(time.GetUtcNow() - s_catchUp, unitId, StaleBefore(), cancellationToken);
        return await DeliverAllAsync(recipients, NoticePurpose.Publish, cancellationToken);
    }

    /// <summary>The quarter whose last day was within the past week, once the digest time of the day after it has come.</summary>
    private async Task<(int Year, int Quarter)?> EndedQuarterAsync(CancellationToken cancellationToken)
    {
        var settings = digestOptions.Value;
        var schedule = CronSchedule.Parse(settings.Schedule, settings.TimeZone);
        if (schedule.Latest(time.GetUtcNow()) is not { } latest)
        {
            return null;
        }

        var today = schedule.LocalDate(latest);
        for (var day = today.AddDays(-1); day >= today.AddDays(-s_catchUp.Days); day = day.AddDays(-1))
        {
            if (await cycles.FindCycleForDateAsync(day, cancellationToken) is { } cycle && cycle.Quarter(cycle.QuarterOf(day)).Last == day)
            {
                return (cycle.Year, cycle.QuarterOf(day));
            }
        }

        return null;
    }

    private async Task<int> DeliverAllAsync(IReadOnlyList<NoticeStore.Recipient> recipients, NoticePurpose purpose, CancellationToken cancellationToken)
    {
        var sent = 0;
        var byNotice = recipients.GroupBy(r => (r.UnitId, r.Year, r.Quarter)).ToList();
        await Parallel.ForEachAsync(
            byNotice,
            new ParallelOptions
            {
                // Inside a turn (a sign-off in chat) everything shares the turn's one connection, so
                // one at a time; the sends themselves leave from the outbox after the commit anyway.
                MaxDegreeOfParallelism = DbScope.Current is null ? digestOptions.Value.MaxConcurrentSends : 1,
                CancellationToken = cancellationToken,
            },
            async (group, token) =>
            {
                var notice = await builder.BuildAsync(group.Key.UnitId, group.Key.Year, group.Key.Quarter, token);
                if (notice is null)
                {
                    return;
                }

                NoticeExport? workbook = null;
                foreach (var recipient in group)
                {
                    if (workbook is null && NoticeRenderer.TakesInlineFiles(recipient.Chat.ChannelId))
                    {
                        workbook = await NoticeExporter.ExportAsync(notice, NoticeExportFormat.Xlsx, recipient.Locale, token);
                    }

                    var activity = NoticeRenderer.Render(notice, purpose, recipient.Chat.ChannelId, recipient.Locale, workbook, notice.SignedOn?.AddDays(objectionOptions.Value.ObjectionDays));
                    if (await DeliverAsync(recipient, purpose, activity, token))
                    {
                        Interlocked.Increment(ref sent);
                    }
                }
            });
        return sent;
    }

    private async Task<bool> DeliverAsync(NoticeStore.Recipient recipient, NoticePurpose purpose, Activity activity, CancellationToken cancellationToken)
    {
        var settings = digestOptions.Value;
        var stored = purpose == NoticePurpose.Review ? "review" : "publish";
        if (await store.TryClaimAsync(recipient, stored, InstanceId, StaleBefore(), cancellationToken) is not { } deliveryId)
        {
            return false;
        }

        var retry = GroupSendRetry.Create(
            settings,
            time,
            attempt => settings.RetryDelay * Math.Pow(2, attempt - 1),
            (attempt, ex) => logger.LogWarning(ex, "Attempt {Attempt} to send the {Year}Q{Quarter} notice of unit {UnitId} to {Chat} failed", attempt, recipient.Year, recipient.Quarter, recipient.UnitId, recipient.Chat));
        string lastError;
        try
        {
            return await retry.ExecuteAsync(
                async ct =>
                {
                    await pacer.WaitAsync(SendPacer.PartitionOf(recipient.Chat.ChannelId, null), ct);
                    if (!await store.BeginAttemptAsync(deliveryId, InstanceId, ct))
                    {
                        return false;
                    }

                    // Queued to the outbox and recorded as sent in one transaction: never twice, never lost.
                    return await commits.RunAsync(
                        async unitCt =>
                        {
                            var activityId = await messenger.SendAsync(recipient.Chat, activity, unitCt);
                            await store.MarkSentAsync(deliveryId, InstanceId, activityId, unitCt);
                            return true;
                        },
                        ct);
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            lastError = ex.Message;
            if (ex is not GroupSendException { IsPermanent: true })
            {
                logger.LogWarning(ex, "The last attempt to send the {Year}Q{Quarter} notice of unit {UnitId} to {Chat} failed", recipient.Year, recipient.Quarter, recipient.UnitId, recipient.Chat);
            }
        }

        logger.LogError("Gave up sending the {Year}Q{Quarter} notice of unit {UnitId} to {Chat}: {Error}", recipient.Year, recipient.Quarter, recipient.UnitId, recipient.Chat, lastError);
        await store.MarkFailedAsync(deliveryId, InstanceId, lastError, cancellationToken);
        return false;
    }

    private DateTimeOffset StaleBefore() => time.GetUtcNow() - digestOptions.Value.ClaimLease;
}
