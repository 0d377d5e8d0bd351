using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// An administration command about one member (允许审核, 个人邀请码): the sender must be a secretary
/// or an administrator, the member is found among the units they manage, and then the command
/// acts on them. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public abstract class MemberAdministrationDialog : AdministrationDialog
{
    /// <summary>Creates the dialog's two steps: who is asking, then the member.</summary>
    /// <param name="dialogId">The dialog's id.</param>
    /// <param name="members">The member directory.</param>
    /// <param name="findMember">Finds the member by name, asking when several match.</param>
    protected MemberAdministrationDialog(string dialogId, IMemberDirectory members, FindMemberDialog findMember)
        : base(dialogId)
    {
        Members = members;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(nameof(WaterfallDialog), o => o, ActorStepAsync, MemberStepAsync));
        AddDialog(findMember);
    }

    /// <summary>The member directory, for the checks a command makes.</summary>
    protected IMemberDirectory Members { get; }

    /// <summary>Does what the command is for, once the member is found; ends the dialog.</summary>
    /// <param name="waterfall">The step, its state naming the sender (<see cref="AdministrationDraft.ActorId"/>).</param>
    /// <param name="member">The member found.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The end of the dialog.</returns>
    protected abstract Task<DialogTurnResult> ActAsync(WaterfallStepContext<AdministrationDraft> waterfall, Member member, CancellationToken cancellationToken);

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        if (await AdministrationAccess.RequireManagerAsync(Members, step.Context, step.Texts<AdministrationTexts>(), cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return await step.BeginDialogAsync(nameof(FindMemberDialog), new MemberLookup(step.State.Member, actor.Id, WithSecretaryUnits: true), cancellationToken);
    }

    private async Task<DialogTurnResult> MemberStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken) =>
        step.Result is Member member
            ? await ActAsync(step, member, cancellationToken)
            : await step.EndDialogAsync(cancellationToken);
}
