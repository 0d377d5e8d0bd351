using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Turns;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// Links a WeCom group robot to a branch the sender reviews, or unlinks it; ends at once. The
/// robot becomes a group conversation (<c>wecom</c>, <c>robot-…</c>) with a conversation reference
/// and a subscription, so the digest scheduler and the notices reach it like any group.
/// </summary>
public sealed class GroupRobotDialog(
    IMemberDirectory members,
    IOrganisation organisation,
    IGroupSubscriptions subscriptions,
    GroupRobotStore robots,
    ConversationReferenceStore references,
    IOptions<WeComOptions> options,
    TimeProvider time) : Dialog(nameof(GroupRobotDialog))
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = GroupRobotTexts.ForLanguage(UserLocale.FromLocale(dc.Context.Activity.Locale) ?? ReplyLanguage.Chinese);
        var reply = options is GroupRobotRequest request ? await HandleAsync(dc.Context, request, texts, cancellationToken) : texts.Help;
        await dc.Context.SendTextAsync(reply, cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }

    private async Task<string> HandleAsync(ITurnContext turn, GroupRobotRequest request, GroupRobotTexts texts, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!string.Equals(activity.ChannelId, WeComChannel.ChannelId, StringComparison.Ordinal))
        {
            return texts.OnlyWeCom;
        }

        if (await ReviewAccess.FindActorAsync(members, turn, cancellationToken) is not { } actor)
        {
            return texts.NotAMember;
        }

        var reviewed = await ReviewedUnitsAsync(turn, cancellationToken);
        if (reviewed.Count == 0)
        {
            return texts.NotAReviewer;
        }

        var conversationId = GroupRobotWebhook.ConversationId(request.Key);
        var hint = GroupRobotWebhook.Hint(request.Key);
        return request.Unsubscribe
            ? await UnsubscribeAsync(conversationId, hint, actor, reviewed, texts, cancellationToken)
            : await SubscribeAsync(request, conversationId, hint, actor, reviewed, texts, cancellationToken);
    }

    private async Task<string> SubscribeAsync(
        GroupRobotRequest request, string conversationId, string hint, Member actor, IReadOnlyList<OrgUnit> reviewed, GroupRobotTexts texts, CancellationToken cancellationToken)
    {
        var unit = request.UnitName is { } name
            ? reviewed.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
            : reviewed.Count == 1 ? reviewed[0] : null;
        if (unit is null)
        {
            return texts.WhichUnit(string.Join('、', reviewed.Select(u => u.Name)));
        }

        var now = time.GetUtcNow();
        var settings = options.Value;
        await robots.SaveAsync(new GroupRobot(conversationId, request.Key, hint, actor.Id, now), cancellationToken);
        // The robot's address was given by a reviewer in an authenticated chat: as good as a verified reference.
        await references.SaveAsync(
            new StoredConversationReference
            {
                ChannelId = WeComChannel.ChannelId,
                ConversationId = conversationId,
                ServiceUrl = WeComChannel.ServiceUrl(settings),
                BotId = WeComChannel.Bot(settings).Id!,
                BotName = WeComChannel.Bot(settings).Name,
                ConversationType = "group",
                IsGroup = true,
                Locale = "zh-CN",
                Verified = true,
                UpdatedAt = now,
            },
            cancellationToken);
        var result = await subscriptions.SubscribeAsync(WeComChannel.ChannelId, conversationId, unit.Id, actor.Id, cancellationToken);
        return result.Status == GroupSubscribeStatus.MovedFromOtherUnit ? texts.Moved(unit.Name, hint) : texts.Subscribed(unit.Name, hint);
    }

    private async Task<string> UnsubscribeAsync(
        string conversationId, string hint, Member actor, IReadOnlyList<OrgUnit> reviewed, GroupRobotTexts texts, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindUnitAsync(WeComChannel.ChannelId, conversationId, cancellationToken) is not { } unitId)
        {
            return texts.NotSubscribed(hint);
        }

        var unit = reviewed.FirstOrDefault(u => u.Id == unitId);
        if (unit is null)
        {
            var name = (await organisation.GetUnitAsync(unitId, cancellationToken))?.Name ?? "-";
            return texts.NotReviewerOfUnit(name);
        }

        await subscriptions.UnsubscribeAsync(WeComChannel.ChannelId, conversationId, actor.Id, cancellationToken);
        return texts.Unsubscribed(unit.Name, hint);
    }

    private async Task<IReadOnlyList<OrgUnit>> ReviewedUnitsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var units = new List<OrgUnit>();
        foreach (var unitId in await ReviewAccess.ReviewedUnitsAsync(members, turn, cancellationToken))
        {
            if (await organisation.GetUnitAsync(unitId, cancellationToken) is { } unit)
            {
                units.Add(unit);
            }
        }

        return units;
    }
}
