using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Localization;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Notifications;

/// <summary>
/// Once a day lists, to every reviewer of a branch, the claims that have waited longer than
/// <see cref="ReviewOptions.ReminderAge"/>, so one reviewer away does not block the branch.
/// </summary>
public sealed class ReviewReminderService(
    IClaimBook claims,
    IMemberDirectory members,
    IRuleBook rules,
    MemberMessenger messenger,
    IOptions<ReviewOptions> options,
    TimeProvider time,
    ILogger<ReviewReminderService> logger) : BackgroundService
{
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ReminderInterval, time, stoppingToken);
                var reminded = await RunOnceAsync(stoppingToken);
                logger.LogInformation("Reminded {Count} reviewers of old pending claims", reminded);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                // One bad round must not end reminders for good; the next day tries again.
                logger.LogError(ex, "Review reminders failed this round");
            }
        }
    }
}
