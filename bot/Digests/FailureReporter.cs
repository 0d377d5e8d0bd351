using System.Text;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Tells administrators which groups' digests gave up: one message per administrator chat per
/// round, listing the failures in the units they administer. Best effort: a report that cannot
/// be delivered is logged, and <see cref="DigestRunStore.ListFailedAsync"/> answers the question
/// later from the database.
/// </summary>
public sealed class FailureReporter(MemberChatStore chats, IGroupMessenger messenger, ILogger<FailureReporter> logger)
{
    public async Task ReportAsync(IReadOnlyList<DigestFailure> failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return;
        }

        foreach (var failure in failures)
        {
            logger.LogWarning(
                "The digest of {LocalDate} for group {Group} of unit {UnitId} failed: {Error}",
                failure.LocalDate, failure.Group, failure.UnitId, failure.Error);
        }

        var byUnit = failures.ToLookup(f => f.UnitId);
        var administrators = await chats.ListAdministratorChatsAsync([.. byUnit.Select(g => g.Key)], cancellationToken);
        if (administrators.Count == 0)
        {
            logger.LogError("No administrator can be reached in a personal chat to hear about {Count} failed digests", failures.Count);
            return;
        }

        foreach (var recipient in administrators.GroupBy(a => a.Chat))
        {
            var theirs = recipient.SelectMany(a => byUnit[a.UnitId]).Distinct().ToList();
            var texts = DigestTexts.ForLocale(recipient.First().Locale);
            var text = new StringBuilder(texts.FailureReportTitle(theirs.Count));
            foreach (var failure in theirs.Take(30))
            {
                text.Append('\n').Append(failure.UnitName).Append(" · ").Append(failure.Group.ConversationId).Append(" · ").Append(failure.Error);
            }

            if (theirs.Count > 30)
            {
                text.Append('\n').Append(texts.More(theirs.Count - 30));
            }

            try
            {
                await messenger.SendAsync(recipient.Key, new Activity { Type = ActivityTypes.Message, Text = text.ToString(), TextFormat = "plain" }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not tell administrator chat {Chat} about failed digests", recipient.Key);
            }
        }
    }
}
