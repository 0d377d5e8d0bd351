using System.Collections.Concurrent;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Digests;

/// <summary>
/// One round of daily digests: works out which groups are due, reads what all their branches'
/// digests need at once, records empty days, and sends the rest, each claimed in the database
/// just before it is sent.
/// </summary>
/// <remarks>
/// <para><b>Exactly once per group and local day.</b> A digest is claimed by inserting its
/// <c>digest_runs</c> row (unique per group and day) before it is sent; only the instance whose
/// insert succeeded sends it, so several instances on one database never both send. The claim is
/// a lease, renewed before each attempt: if its owner dies, the claim grows stale and the next
/// round (of any instance) takes it over and sends it with the same window, so nothing is skipped.</para>
/// <para><b>Sending is queuing.</b> The digest goes into the outbox and its run is marked
/// <c>sent</c> in the same transaction, so a digest is queued exactly once; the outbox then
/// delivers it (retrying what the channel refuses for a while). A digest queued after its claim
/// passed to another instance is rolled back with its mark. What remains is the outbox's own
/// window: a crash between the channel's 200 and the delivery mark repeats that message once.</para>
/// <para><b>Downtime.</b> Only each group's latest scheduled digest is sent on start (marked late
/// when it is more than <see cref="DigestOptions.LateAfter"/> behind); it covers everything since
/// the group's last sent or skipped digest (at most <see cref="DigestOptions.MaxWindowDays"/> days),
/// so a week of downtime gives one digest, not seven.</para>
/// </remarks>
public sealed class DigestDispatcher(
    DigestRunStore runs,
    DigestDataReader reader,
    ICycleCalendar cycles,
    IGroupMessenger messenger,
    GroupCommit commits,
    SendPacer pacer,
    FailureReporter reporter,
    TimeProvider time,
    IOptions<DigestOptions> options,
    ILogger<DigestDispatcher> logger,
    IDigestChart? charts = null)
{
    private const string SupersededReason = "superseded: the bot was down past this day; the group's next digest covers its window";

    /// <summary>Who claims runs: unique per dispatcher, so a restarted process never mistakes an old claim for its own.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The next instant any subscribed group is due, for the scheduler to sleep until.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var schedules = new ScheduleCache(settings, logger);
        var next = schedules.For(new BranchDigestSettings(0)).Next(now - settings.SettleTime);
        foreach (var (schedule, timeZone) in await runs.ListScheduleOverridesAsync(cancellationToken))
        {
            if (schedules.For(new BranchDigestSettings(0, schedule, timeZone)).Next(now - settings.SettleTime) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next + settings.SettleTime;
    }

    public async Task<DigestRoundReport> RunDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var staleBefore = now - settings.ClaimLease;
        var (targets, superseded) = await PlanAsync(settings, now, staleBefore, cancellationToken);
        if (targets.Count == 0)
        {
            logger.LogDebug("Digest round: nothing due, {Superseded} superseded", superseded);
            return DigestRoundReport.Nothing with { Superseded = superseded };
        }

        var units = targets
            .GroupBy(t => t.Subscription.UnitId)
            .Select(g => new DigestDataReader.DigestUnitWindow(
                g.Key,
                g.Min(t => t.WindowStart),
                g.Max(t => t.WindowEnd),
                g.First().CycleId,
                g.First().Quarter,
                g.Min(t => t.MonthFirst),
                g.Max(t => t.LocalDate),
                // A day's margin before the earliest local midnight of the month covers every zone.
                g.Min(t => new DateTimeOffset(t.MonthFirst.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).AddDays(-1)))
            .ToList();
        var data = await reader.ReadAsync(units, cancellationToken);

        var toSend = new List<(DigestTarget Target, DigestContent Content)>();
        var empty = new List<DigestTarget>();
        foreach (var target in targets)
        {
            var content = DigestComposer.Compose(target, data, settings.MaxItems);
            if (!content.HasNews && target.SkipEmptyDays)
            {
                empty.Add(target);
            }
            else
            {
                toSend.Add((target, content));
            }
        }

        var skipped = await runs.RecordSkippedAsync([.. empty.Where(t => t.AbandonedRun is null).Select(t => t.ToClaim(InstanceId, isLate: false))], cancellationToken);
        foreach (var target in empty.Where(t => t.AbandonedRun is not null))
        {
            if (await runs.TryTakeOverAsync(target.AbandonedRun!.Id, InstanceId, staleBefore, cancellationToken) is not null
                && await runs.MarkSkippedAsync(target.AbandonedRun.Id, InstanceId, cancellationToken))
            {
                skipped++;
            }
        }

        var outcomes = new ConcurrentBag<(DigestTarget Target, Outcome Outcome, string? Error)>();
        await Parallel.ForEachAsync(
            toSend,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentSends, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var (outcome, error) = await DeliverAsync(item.Target, item.Content, settings, token);
                outcomes.Add((item.Target, outcome, error));
            });

        var failures = outcomes
            .Where(o => o.Outcome == Outcome.Failed)
            .Select(o => new DigestFailure(o.Target.Group, o.Target.Subscription.UnitId, o.Target.Subscription.UnitName, o.Target.LocalDate, o.Error ?? ""))
            .ToList();
        await reporter.ReportAsync(failures, cancellationToken);

        var report = new DigestRoundReport(
            targets.Count,
            outcomes.Count(o => o.Outcome == Outcome.Sent),
            skipped,
            failures.Count,
            outcomes.Count(o => o.Outcome == Outcome.TakenByOther) + (empty.Count - skipped),
            superseded);
        logger.LogInformation(
            "Digest round: {Due} due, {Sent} sent, {Skipped} empty, {Failed} failed, {Others} handled elsewhere, {Superseded} superseded",
            report.Due, report.Sent, report.Skipped, report.Failed, report.TakenByOthers, report.Superseded);
        return report;
    }

    private async Task<(List<DigestTarget> Targets, int Superseded)> PlanAsync(
        DigestOptions settings,
        DateTimeOffset now,
        DateTimeOffset staleBefore,
        CancellationToken cancellationToken)
    {
        var schedules = new ScheduleCache(settings, logger);
        var candidates = new List<(SubscribedGroup Group, CronSchedule Schedule, DateTimeOffset Occurrence, DateOnly LocalDate)>();
        foreach (var group in await runs.LoadPlanAsync(cancellationToken))
        {
            var schedule = schedules.For(group.Settings);
            // A group hears only about scheduled instants after it subscribed.
            if (schedule.Latest(now - settings.SettleTime) is { } occurrence && occurrence > group.SubscribedAt)
            {
                candidates.Add((group, schedule, occurrence, schedule.LocalDate(occurrence)));
            }
        }

        var existing = (await runs.ListOnDaysAsync([.. candidates.Select(c => c.LocalDate).Distinct()], cancellationToken))
            .ToDictionary(r => (r.Group, r.LocalDate));
        var quarters = new Dictionary<DateOnly, (long?, int?)>();
        var targets = new List<DigestTarget>();
        foreach (var (group, schedule, occurrence, localDate) in candidates)
        {
            DigestRun? abandoned = null;
            if (existing.TryGetValue((group.Group, localDate), out var run))
            {
                if (run.Status != DigestRunStatus.Claimed || run.ClaimedAt >= staleBefore)
                {
                    continue;
                }

                abandoned = run;
            }

            var start = Max(group.CoveredUntil ?? group.SubscribedAt, group.SubscribedAt, occurrence - TimeSpan.FromDays(settings.MaxWindowDays));
            if (!quarters.TryGetValue(localDate, out var quarter))
            {
                var cycle = await cycles.FindCycleForDateAsync(localDate, cancellationToken);
                quarter = quarters[localDate] = (cycle?.Id, cycle?.QuarterOf(localDate));
            }

            targets.Add(new DigestTarget(
                group,
                occurrence,
                localDate,
                schedule.Zone,
                abandoned?.WindowStart ?? start,
                abandoned?.WindowEnd ?? occurrence,
                group.Settings.SkipEmptyDays ?? settings.SkipEmptyDays,
                group.Settings.PublishDeductions ?? settings.PublishDeductions,
                quarter.Item1,
                quarter.Item2,
                abandoned));
        }

        // Abandoned claims of days before a group's latest are not sent: the latest digest covers them.
        var current = targets.Where(t => t.AbandonedRun is not null).Select(t => t.AbandonedRun!.Id).ToHashSet();
        var superseded = 0;
        foreach (var stale in await runs.ListStaleClaimsAsync(staleBefore, cancellationToken))
        {
            if (!current.Contains(stale.Id) && await runs.SupersedeAsync(stale.Id, staleBefore, SupersededReason, cancellationToken))
            {
                logger.LogWarning("Gave up the abandoned digest of {LocalDate} for {Group}; the group's latest digest covers it", stale.LocalDate, stale.Group);
                superseded++;
            }
        }

        return (targets, superseded);
    }

    private async Task<(Outcome, string?)> DeliverAsync(DigestTarget target, DigestContent content, DigestOptions settings, CancellationToken cancellationToken)
    {
        DigestRun? run;
        var maybeRepeat = false;
        if (target.AbandonedRun is { } abandoned)
        {
            run = await runs.TryTakeOverAsync(abandoned.Id, InstanceId, time.GetUtcNow() - settings.ClaimLease, cancellationToken);
            if (run is null)
            {
                return (Outcome.TakenByOther, null);
            }

            // An attempt was started: the channel may have shown it already. Say so on the re-send.
            maybeRepeat = abandoned.Attempts > 0;
            logger.LogWarning(
                "Took over the abandoned digest of {LocalDate} for {Group} from {Owner} after {Attempts} attempts",
                abandoned.LocalDate, abandoned.Group, abandoned.ClaimedBy, abandoned.Attempts);
        }
        else
        {
            run = await runs.TryClaimAsync(target.ToClaim(InstanceId, IsLate(target, settings)), cancellationToken);
            if (run is null)
            {
                return (Outcome.TakenByOther, null);
            }
        }

        // Drawn once per digest, not per attempt; null where the channel shows no picture.
        var chart = charts?.Draw(content, target.Group.ChannelId, target.Subscription.Locale);
        var partition = SendPacer.PartitionOf(target.Group.ChannelId, target.Subscription.TenantId);
        var isLate = false;
        var retry = GroupSendRetry.Create(
            settings,
            time,
            attempt => Backoff(settings.RetryDelay, attempt),
            (attempt, ex) => logger.LogWarning(ex, "Attempt {Attempt} of the digest of {LocalDate} for {Group} failed", attempt, target.LocalDate, target.Group));
        string lastError;
        try
        {
            var outcome = await retry.ExecuteAsync(
                async ct =>
                {
                    await pacer.WaitAsync(partition, ct);
                    if (!await runs.BeginAttemptAsync(run.Id, InstanceId, ct))
                    {
                        logger.LogWarning("Lost the claim on the digest of {LocalDate} for {Group} before sending it", target.LocalDate, target.Group);
                        return Outcome.TakenByOther;
                    }

                    isLate = maybeRepeat || IsLate(target, settings);
                    var activity = DigestRenderer.Render(content, isLate, target.Group.ChannelId, target.Subscription.Locale, chart);
                    try
                    {
                        // The message and the run's 'sent' mark commit together, or neither does.
                        await commits.RunAsync(
                            async unitCt =>
                            {
                                var activityId = await messenger.SendAsync(target.Group, activity, unitCt);
                                return await runs.MarkSentAsync(run.Id, InstanceId, activityId, isLate, unitCt)
                                    ? true
                                    : throw new DigestClaimLostException();
                            },
                            ct);
                    }
                    catch (DigestClaimLostException)
                    {
                        logger.LogWarning("The claim on the digest of {LocalDate} for {Group} passed to another instance before it was queued", target.LocalDate, target.Group);
                        return Outcome.TakenByOther;
                    }

                    return Outcome.Sent;
                },
                cancellationToken);
            return (outcome, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim stays and is taken over after the lease.
            throw;
        }
        catch (Exception ex)
        {
            lastError = ex.Message;
            if (ex is not GroupSendException { IsPermanent: true })
            {
                logger.LogWarning(ex, "The last attempt of the digest of {LocalDate} for {Group} failed", target.LocalDate, target.Group);
            }
        }

        await runs.MarkFailedAsync(run.Id, InstanceId, isLate, lastError, cancellationToken);
        return (Outcome.Failed, lastError);
    }

    private bool IsLate(DigestTarget target, DigestOptions settings) => time.GetUtcNow() - target.Occurrence > settings.LateAfter;

    private static TimeSpan Backoff(TimeSpan first, int attempt) =>
        first * Math.Pow(2, attempt - 1) * (1 + (Random.Shared.NextDouble() / 4));

    private static DateTimeOffset Max(params ReadOnlySpan<DateTimeOffset> instants)
    {
        var max = instants[0];
        foreach (var instant in instants)
        {
            if (instant > max)
            {
                max = instant;
            }
        }

        return max;
    }

    private enum Outcome
    {
        Sent,
        Failed,
        TakenByOther,
    }

    /// <summary>Parses each branch's schedule once per round; a branch setting this machine cannot use falls back to the configured one.</summary>
    private sealed class ScheduleCache(DigestOptions settings, ILogger logger)
    {
        private readonly Dictionary<(string, string), CronSchedule> _schedules = [];
        private readonly CronSchedule _default = CronSchedule.Parse(settings.Schedule, settings.TimeZone);

        public CronSchedule For(BranchDigestSettings branch)
        {
            if (branch.Schedule is null && branch.TimeZone is null)
            {
                return _default;
            }

            var key = (branch.Schedule ?? settings.Schedule, branch.TimeZone ?? settings.TimeZone);
            if (!_schedules.TryGetValue(key, out var schedule))
            {
                if (!CronSchedule.TryParse(key.Item1, key.Item2, out schedule, out var error))
                {
                    logger.LogWarning("Unit {UnitId} has digest settings this machine cannot use ({Error}); using the configured schedule", branch.UnitId, error);
                    schedule = _default;
                }

                _schedules[key] = schedule;
            }

            return schedule;
        }
    }
}
