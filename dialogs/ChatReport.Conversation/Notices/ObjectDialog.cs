using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Notices;

/// <summary>
/// 异议: files a member's objection to the branch's notice in its objection period and tells the
/// reviewers. Objections are private: in a group chat the member is asked to say it privately.
/// </summary>
/// <param name="members">Who is speaking.</param>
/// <param name="objections">The objections.</param>
/// <param name="notifier">Tells the reviewers.</param>
public sealed class ObjectDialog(IMemberDirectory members, IObjectionBook objections, IObjectionNotifier notifier) : Dialog(nameof(ObjectDialog))
{
    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<ObjectionTexts>();
        if (await CurrentMember.RequireAsync(members, dc.Context, dc.Texts<ConversationTexts>(), cancellationToken) is not { } member)
        {
            return await dc.EndDialogAsync(cancellationToken);
        }

        var activity = dc.Context.Activity;
        if (options is not ObjectOptions { Reason: { } reason } asked || (asked.MemberName is null && asked.EntryId is null) || activity.Conversation?.IsGroup == true)
        {
            await dc.Context.SendTextAsync(texts.ObjectUsage, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var source = activity.Id is { Length: > 0 } id ? new ActivityKey(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", id) : null;
        var filing = await objections.FileAsync(new ObjectionRequest(member.Id, asked.MemberName, asked.EntryId, reason, source), cancellationToken);
        var reply = filing.Status switch
        {
            ObjectionFilingStatus.Filed or ObjectionFilingStatus.AlreadyFiled when filing.Objection is { } filed => texts.Filed(filed, filing.EndsOn ?? DateOnly.MinValue),
            ObjectionFilingStatus.NoSuchMember => texts.NoSuchMember(asked.MemberName ?? ""),
            ObjectionFilingStatus.NoSuchItem => texts.NoSuchItem(asked.EntryId ?? 0),
            _ => texts.NoOpenNotice,
        };
        await dc.Context.SendTextAsync(reply, cancellationToken);
        if (filing is { Status: ObjectionFilingStatus.Filed, Objection: { } objection })
        {
            await notifier.ObjectionFiledAsync(objection, cancellationToken);
        }

        return await dc.EndDialogAsync(filing, cancellationToken);
    }
}
