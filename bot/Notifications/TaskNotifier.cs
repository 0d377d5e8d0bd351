using ChatReport.Bot.Connector;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Tasks;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Bot.Notifications;

/// <summary>Announces tasks in the branch's subscribed group chats and tells members how tasks ended.</summary>
public sealed class TaskNotifier(
    GroupSubscriptionStore subscriptions,
    IOrganisation organisation,
    MemberMessenger members,
    ProactiveMessenger messenger,
    ILogger<TaskNotifier> logger) : ITaskNotifier
{
    public async Task<int> TaskPostedAsync(ServiceTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var groups = (await subscriptions.ListForUnitAsync(task.UnitId, cancellationToken))
            .Select(s => (s.Group.ChannelId, s.Group.ConversationId))
            .ToList();

        var unit = await organisation.GetUnitAsync(task.UnitId, cancellationToken);
        var local = TimeZoneInfo.ConvertTime(task.StartsAt, UserLocale.FindTimeZone(unit?.TimeZone ?? LocalCalendar.DefaultTimeZone));
        var reached = 0;
        foreach (var (channelId, conversationId) in groups)
        {
            try
            {
                await messenger.ContinueConversationAsync(channelId, conversationId, async (turn, ct) =>
                {
                    var texts = TaskTexts.Chinese;
                    var reply = turn.Activity.CreateReply(texts.Announcement(task.Id, task.Title, local, task.Place ?? "", task.PointsEach, task.Places ?? 0));
                    var button = ClaimCards.RendersAdaptiveCards(channelId)
                        ? ClaimCards.Card([], [ClaimCards.Submit(texts.ButtonSignUp, texts.CommandSignUp(task.Id))])
                        : null;
                    await turn.SendActivityAsync(button is null ? reply : reply with { Attachments = [button] }, ct);
                }, cancellationToken);
                reached++;
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Could not announce task {TaskId} in {ConversationId}", task.Id, conversationId);
            }
        }

        return reached;
    }

    public async Task TaskClosedAsync(TaskClosing closing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closing);
        if (closing.Task is not { } task)
        {
            return;
        }

        if (task.Status == ServiceTaskStatus.Completed)
        {
            foreach (var award in closing.Awards)
            {
                await members.SendTextAsync(award.MemberId, language => TaskTexts.ForLanguage(language).MemberAwarded(task.Title, award.Points), cancellationToken);
            }
        }
        else
        {
            foreach (var signUp in closing.SignUps)
            {
                await members.SendTextAsync(signUp.MemberId, language => TaskTexts.ForLanguage(language).MemberCancelled(task.Title), cancellationToken);
            }
        }
    }
}
