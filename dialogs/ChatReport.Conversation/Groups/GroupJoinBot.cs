using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Groups;

/// <summary>
/// Wraps the bot: when the bot is added to a group chat by someone who reviews exactly one
/// branch, the group is subscribed to that branch's digest at once, after the welcome. Anyone
/// else (a stranger, a plain member, a reviewer of several branches, or a channel that does not
/// say who added the bot) gets only the welcome, which tells the secretary to say 订阅日报; a
/// group that already receives a digest is left as it is.
/// </summary>
/// <remarks>
/// The person who adds the bot could say 订阅日报 themselves with the same effect, so linking
/// for them grants no right they lack; the confirmation names the branch and how to undo it.
/// </remarks>
public sealed class GroupJoinBot : IBot
{
    private readonly IBot _inner;
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IGroupSubscriptions _subscriptions;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The bot that greets and runs the dialogs.</param>
    /// <param name="members">Who added the bot, and what they review.</param>
    /// <param name="organisation">Branch names.</param>
    /// <param name="subscriptions">The group subscriptions.</param>
    public GroupJoinBot(IBot inner, IMemberDirectory members, IOrganisation organisation, IGroupSubscriptions subscriptions)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(subscriptions);
        _inner = inner;
        _members = members;
        _organisation = organisation;
        _subscriptions = subscriptions;
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await _inner.OnTurnAsync(turnContext, cancellationToken);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.ConversationUpdate)
            || GroupChat.Of(turnContext) is not (string channelId, string conversationId)
            || !(activity.MembersAdded ?? []).Any(a => string.Equals(a.Id, activity.Recipient?.Id, StringComparison.Ordinal)))
        {
            return;
        }

        if (await ReviewAccess.FindActorAsync(_members, turnContext, cancellationToken) is not { } actor
            || await ReviewAccess.ReviewedUnitsAsync(_members, turnContext, cancellationToken) is not [var unitId]
            || await _subscriptions.FindUnitAsync(channelId, conversationId, cancellationToken) is not null)
        {
            return;
        }

        var texts = GroupTexts.ForLanguage(UserLocale.FromLocale(activity.Locale) ?? ReplyLanguage.Chinese);
        await SubscribeDialog.SubscribeAndSayAsync(_subscriptions, _organisation, turnContext, texts, unitId, actor.Id, onJoin: true, cancellationToken);
    }
}
