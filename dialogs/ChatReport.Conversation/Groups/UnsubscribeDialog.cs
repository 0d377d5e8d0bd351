using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Groups;

/// <summary>退订 in a group chat: a reviewer of the group's branch stops its digest; ends at once.</summary>
public sealed class UnsubscribeDialog(IMemberDirectory members, IOrganisation organisation, IGroupSubscriptions subscriptions) : Dialog(nameof(UnsubscribeDialog))
{
    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<GroupTexts>();
        await dc.Context.SendTextAsync(await UnsubscribeAsync(dc.Context, texts, cancellationToken), cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }

    private async Task<string> UnsubscribeAsync(ITurnContext turn, GroupTexts texts, CancellationToken cancellationToken)
    {
        if (GroupChat.Of(turn) is not (string channelId, string conversationId))
        {
            return texts.UnsubscribeInGroup;
        }

        if (await ReviewAccess.FindActorAsync(members, turn, cancellationToken) is not { } actor)
        {
            return texts.NotAMember;
        }

        var reviewed = await ReviewAccess.ReviewedUnitsAsync(members, turn, cancellationToken);
        if (reviewed.Count == 0)
        {
            return texts.NotAReviewer;
        }

        if (await subscriptions.FindUnitAsync(channelId, conversationId, cancellationToken) is not { } unitId)
        {
            return texts.NotSubscribed;
        }

        var name = await UnitChoices.NameAsync(organisation, unitId, cancellationToken);
        if (!reviewed.Contains(unitId))
        {
            return texts.NotReviewerOfGroupUnit(name);
        }

        // False only when someone else stopped it a moment ago: the outcome is the same.
        await subscriptions.UnsubscribeAsync(channelId, conversationId, actor.Id, cancellationToken);
        return texts.Unsubscribed(name);
    }
}
