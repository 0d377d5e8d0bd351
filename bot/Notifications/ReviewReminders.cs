using System.Globalization;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Localization;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Notifications;

/// <summary>
/// Every <see cref="ReviewOptions.ReminderInterval"/> (once a day) lists, to every reviewer of a
/// branch, the claims that have waited longer than <see cref="ReviewOptions.ReminderAge"/>, so one
/// reviewer away does not block the branch. A clocked job: each interval, counted from the Unix
/// epoch in UTC, is claimed by moving one <c>settings</c> value forward, so of several instances
/// only one reminds, and a restart does not remind again within the interval.
/// </summary>
public sealed class ReviewReminders(
    IClaimBook claims,
    IMemberDirectory members,
    IRuleBook rules,
    MemberMessenger messenger,
    SettingsStore settings,
    IOptions<ReviewOptions> options,
    TimeProvider time,
    ILogger<ReviewReminders> logger) : IClockedJob
{
    private const string SlotKey = "review.reminders.slot";

    public string Name => "review reminders";

    public bool Enabled => true;

    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var slot = SlotAt(time.GetUtcNow());
        if (!await settings.TryAdvanceAsync(SlotKey, slot.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), cancellationToken))
        {
            return;
        }

        var reminded = await RunOnceAsync(cancellationToken);
        logger.LogInformation("Reminded {Count} reviewers of old pending claims", reminded);
    }

    public ValueTask<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<DateTimeOffset?>(SlotAt(time.GetUtcNow()) + options.Value.ReminderInterval);

    /// <summary>Sends one round of reminders; returns how many reviewers were reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.ReminderAge;
        var days = (int)Math.Round(options.Value.ReminderAge.TotalDays, MidpointRounding.AwayFromZero);
        var units = await claims.ListUnitsWithPendingAsync(cutoff, cancellationToken);

        var reminded = 0;
        foreach (var unitId in units)
        {
            var old = await claims.ListPendingAsync(unitId, cutoff, cancellationToken);
            foreach (var reviewer in await members.ListReviewersAsync(unitId, cancellationToken))
            {
                var theirs = old.Where(c => c.MemberId != reviewer.Id).ToList();
                if (theirs.Count == 0)
                {
                    continue;
                }

                var lines = new Dictionary<ReplyLanguage, string>();
                foreach (var language in Enum.GetValues<ReplyLanguage>())
                {
                    var texts = ReviewTexts.ForLanguage(language);
                    var views = await ClaimViews.BuildAsync(theirs, members, rules, language, TimeZoneInfo.Utc, cancellationToken);
                    lines[language] = string.Join('\n', [texts.ReminderHeader(theirs.Count, Math.Max(days, 1)), .. views.Select(v => ClaimCards.Line(v, texts)), texts.PendingHint]);
                }

                if (await messenger.SendTextAsync(reviewer.Id, language => lines[language], cancellationToken))
                {
                    reminded++;
                }
            }
        }

        return reminded;
    }

    // The start of the interval that holds the instant.
    private DateTimeOffset SlotAt(DateTimeOffset instant)
    {
        var interval = options.Value.ReminderInterval.Ticks;
        var ticks = (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / interval * interval;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}
