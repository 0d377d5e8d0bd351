using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Groups;

/// <summary>
/// 订阅日报 in a group chat: links the group to the branch the sender reviews, asking which when
/// they review several. Said in a personal chat, or by someone who reviews nothing, it changes
/// nothing and says why.
/// </summary>
public sealed class SubscribeDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IGroupSubscriptions _subscriptions;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public SubscribeDialog(IMemberDirectory members, IOrganisation organisation, IGroupSubscriptions subscriptions)
        : base(nameof(SubscribeDialog))
    {
        _members = members;
        _organisation = organisation;
        _subscriptions = subscriptions;
        AddDialog(new WaterfallDialog<SubscribeState>(nameof(WaterfallDialog), () => new SubscribeState(), UnitStepAsync, SubscribeStepAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<GroupTexts>().ChooseHelp;
    }

    /// <summary>Subscribes the turn's group to a branch and says so in the group.</summary>
    internal static async Task SubscribeAndSayAsync(
        IGroupSubscriptions subscriptions, IOrganisation organisation, ITurnContext turn, GroupTexts texts, long unitId, long memberId, bool onJoin, CancellationToken cancellationToken)
    {
        if (GroupChat.Of(turn) is not (string channelId, string conversationId))
        {
            return;
        }

        var result = await subscriptions.SubscribeAsync(channelId, conversationId, unitId, memberId, cancellationToken);
        var name = await UnitChoices.NameAsync(organisation, unitId, cancellationToken);
        var reply = result.Status switch
        {
            GroupSubscribeStatus.Subscribed => onJoin ? texts.SubscribedOnJoin(name) : texts.Subscribed(name),
            GroupSubscribeStatus.AlreadySubscribed => texts.AlreadySubscribed(name),
            GroupSubscribeStatus.MovedFromOtherUnit => texts.Moved(name, result.PreviousUnitId is { } previous ? await UnitChoices.NameAsync(organisation, previous, cancellationToken) : "-"),
            GroupSubscribeStatus.UnknownConversation => texts.CannotReachGroup,
            _ => texts.UnitGone,
        };
        await turn.SendTextAsync(reply, cancellationToken);
    }

    private async Task<DialogTurnResult> UnitStepAsync(WaterfallStepContext<SubscribeState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<GroupTexts>();
        if (GroupChat.Of(step.Context) is null)
        {
            await step.Context.SendTextAsync(texts.SubscribeInGroup, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var actor = await ReviewAccess.FindActorAsync(_members, step.Context, cancellationToken);
        if (actor is null)
        {
            await step.Context.SendTextAsync(texts.NotAMember, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var units = await ReviewAccess.ReviewedUnitsAsync(_members, step.Context, cancellationToken);
        step.State = new SubscribeState(actor.Id);
        if (units.Count == 0)
        {
            await step.Context.SendTextAsync(texts.NotAReviewer, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (await RefusalToRepointAsync(step.Context, texts, actor.Id, cancellationToken) is { } refusal)
        {
            await step.Context.SendTextAsync(refusal, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        switch (units.Count)
        {
            case 1:
                return await step.NextAsync(units[0], cancellationToken);
            default:
                var choices = await UnitChoices.BuildAsync(_organisation, units, cancellationToken);
                return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = texts.WhichUnit, Choices = choices, Style = ListStyle.List, MaxAttempts = 3 }, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> SubscribeStepAsync(WaterfallStepContext<SubscribeState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<GroupTexts>();
        var unitId = step.Result is long known ? known : UnitChoices.Picked(step.Result);

        // Checked again: the role may have been taken away while the question waited.
        if (unitId is not { } id || !await _members.CanReviewAsync(step.State.ReviewerId, id, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotAReviewer, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (await RefusalToRepointAsync(step.Context, texts, step.State.ReviewerId, cancellationToken) is { } refusal)
        {
            await step.Context.SendTextAsync(refusal, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        await SubscribeAndSayAsync(_subscriptions, _organisation, step.Context, texts, id, step.State.ReviewerId, onJoin: false, cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }

    // A group that already follows a branch belongs to that branch's reviewers: a reviewer of
    // another branch must not be able to take its digests and notices away by saying 订阅日报.
    private async Task<string?> RefusalToRepointAsync(ITurnContext turn, GroupTexts texts, long reviewerId, CancellationToken cancellationToken)
    {
        if (GroupChat.Of(turn) is not (string channelId, string conversationId)
            || await _subscriptions.FindUnitAsync(channelId, conversationId, cancellationToken) is not { } current
            || await _members.CanReviewAsync(reviewerId, current, cancellationToken))
        {
            return null;
        }

        return texts.NotReviewerOfGroupUnit(await UnitChoices.NameAsync(_organisation, current, cancellationToken));
    }
}
