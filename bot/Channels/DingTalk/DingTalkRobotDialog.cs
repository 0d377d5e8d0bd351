using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// Registers or removes a custom group robot for a branch's digest, in one turn (so the secret
/// never waits in dialog state). The robot becomes a group conversation of the <c>dingtalk</c>
/// channel, subscribed like any group; its webhook and secret are stored and never repeated.
/// </summary>
public sealed class DingTalkRobotDialog(
    IMemberDirectory members,
    IOrganisation organisation,
    IGroupSubscriptions subscriptions,
    DingTalkStore store,
    ConversationReferenceStore references,
    IOptions<DingTalkOptions> options,
    TimeProvider time) : Dialog(nameof(DingTalkRobotDialog))
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<DingTalkTexts>();
        var reply = options is DingTalkRobotRequest request
            ? await HandleAsync(dc.Context, request, texts, cancellationToken)
            : texts.NotAWebhook;
        await dc.Context.SendTextAsync(reply, cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }

    private async Task<string> HandleAsync(ITurnContext turn, DingTalkRobotRequest request, DingTalkTexts texts, CancellationToken cancellationToken)
    {
        if (turn.Activity.Conversation?.IsGroup == true)
        {
            return texts.PrivateOnly;
        }

        if (DingTalkRobotWebhook.Normalize(request.Webhook, options.Value.OapiBaseUrl) is not { } webhook)
        {
            return texts.NotAWebhook;
        }

        if (request.Subscribe && !DingTalkRobotWebhook.IsSecret(request.Secret ?? ""))
        {
            return texts.NotASecret;
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

        var conversationId = DingTalkRobotWebhook.ConversationId(webhook);
        var label = conversationId[DingTalkRobotWebhook.ConversationPrefix.Length..];
        return request.Subscribe
            ? await SubscribeAsync(request, webhook, conversationId, label, actor, reviewed, turn.Activity.Locale, texts, cancellationToken)
            : await UnsubscribeAsync(conversationId, label, actor, reviewed, texts, cancellationToken);
    }

    private async Task<string> SubscribeAsync(
        DingTalkRobotRequest request, string webhook, string conversationId, string label, Member actor, IReadOnlyList<OrgUnit> reviewed, string? locale, DingTalkTexts texts, CancellationToken cancellationToken)
    {
        OrgUnit unit;
        if (request.UnitName is { } name)
        {
            if (reviewed.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal)) is not { } named)
            {
                return texts.UnknownUnit(name);
            }

            unit = named;
        }
        else if (reviewed.Count == 1)
        {
            unit = reviewed[0];
        }
        else
        {
            return texts.WhichUnit(string.Join("、", reviewed.Select(u => u.Name)));
        }

        var now = time.GetUtcNow();
        await store.SaveRobotAsync(new DingTalkRobot(conversationId, webhook, request.Secret!, actor.Id, now), cancellationToken);
        await references.SaveAsync(
            new StoredConversationReference
            {
                ChannelId = DingTalkSender.Channel,
                ConversationId = conversationId,
                ServiceUrl = options.Value.OapiBaseUrl.AbsoluteUri,
                BotId = options.Value.RobotCode ?? DingTalkSender.Channel,
                BotName = "ChatReport",
                ConversationType = "group",
                IsGroup = true,
                Locale = locale,
                // The reviewer handed the bot this address in an authenticated chat.
                Verified = true,
                UpdatedAt = now,
            },
            cancellationToken);
        var result = await subscriptions.SubscribeAsync(DingTalkSender.Channel, conversationId, unit.Id, actor.Id, cancellationToken);
        return result.Status switch
        {
            GroupSubscribeStatus.Subscribed or GroupSubscribeStatus.MovedFromOtherUnit => texts.Subscribed(unit.Name, label),
            GroupSubscribeStatus.AlreadySubscribed => texts.AlreadySubscribed(unit.Name, label),
            _ => texts.Failed,
        };
    }

    private async Task<string> UnsubscribeAsync(string conversationId, string label, Member actor, IReadOnlyList<OrgUnit> reviewed, DingTalkTexts texts, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindUnitAsync(DingTalkSender.Channel, conversationId, cancellationToken) is not { } unitId)
        {
            return texts.NotSubscribed;
        }

        var unit = reviewed.FirstOrDefault(u => u.Id == unitId);
        if (unit is null)
        {
            var name = (await organisation.GetUnitAsync(unitId, cancellationToken))?.Name ?? "-";
            return texts.NotReviewerOfRobotUnit(name);
        }

        await subscriptions.UnsubscribeAsync(DingTalkSender.Channel, conversationId, actor.Id, cancellationToken);
        await store.DeleteRobotAsync(conversationId, cancellationToken);
        return texts.Unsubscribed(unit.Name, label);
    }

    // The units the speaker reviews that are still active.
    private async Task<IReadOnlyList<OrgUnit>> ReviewedUnitsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var units = new List<OrgUnit>();
        foreach (var unitId in await ReviewAccess.ReviewedUnitsAsync(members, turn, cancellationToken))
        {
            if (await organisation.GetUnitAsync(unitId, cancellationToken) is { IsActive: true } unit)
            {
                units.Add(unit);
            }
        }

        return units;
    }
}
