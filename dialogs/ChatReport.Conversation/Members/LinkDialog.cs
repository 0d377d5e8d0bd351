using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Members;

/// <summary>
/// Links another channel account to a member in two moves: on an account already linked, 绑定
/// gives a one-time code; on the new account, 绑定 123456 links it. A name alone never links an
/// account, so nobody can take over a member (or a secretary) by typing their name.
/// </summary>
/// <param name="members">Who is speaking.</param>
/// <param name="codes">The link codes.</param>
public sealed class LinkDialog(IMemberDirectory members, ILinkCodes codes) : Dialog(nameof(LinkDialog))
{
    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<MemberTexts>();
        var member = await CurrentMember.FindAsync(members, dc.Context, cancellationToken);
        var reply = (options as LinkOptions)?.Code is { Length: > 0 } code
            ? await RedeemAsync(dc, member, code, texts, cancellationToken)
            : await IssueAsync(dc, member, texts, cancellationToken);
        await dc.Context.SendTextAsync(reply, cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }

    private async Task<string> IssueAsync(DialogContext dc, Member? member, MemberTexts texts, CancellationToken cancellationToken)
    {
        if (member is null)
        {
            return texts.LinkHowTo;
        }

        return member.IsActive && await codes.IssueAsync(member.Id, cancellationToken) is { } issued
            ? texts.LinkCodeIssued(issued.Code, (int)ILinkCodes.Lifetime.TotalMinutes)
            : dc.Texts<ConversationTexts>().Inactive;
    }

    private async Task<string> RedeemAsync(DialogContext dc, Member? member, string code, MemberTexts texts, CancellationToken cancellationToken)
    {
        if (member is not null)
        {
            return texts.AlreadyMember(member.DisplayName);
        }

        var activity = dc.Context.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
        {
            return texts.WrongLinkCode;
        }

        var redeemed = await codes.RedeemAsync(code, activity.ChannelId, activity.From.Id, activity.From.Name, cancellationToken);
        Speakers.Forget(dc.Context);
        return redeemed.Status switch
        {
            LinkRedemptionStatus.Linked => texts.Linked(redeemed.Member!.DisplayName),
            LinkRedemptionStatus.AlreadyMember => texts.AlreadyMember(redeemed.Member!.DisplayName),
            LinkRedemptionStatus.TooManyAttempts => texts.TooManyLinkAttempts,
            _ => texts.WrongLinkCode,
        };
    }
}
