using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Tasks;

/// <summary>Signs the member up for a task (报名 7); begun with a <see cref="TaskNumber"/>, ends at once.</summary>
public sealed class JoinTaskDialog(IMemberDirectory members, IServiceTasks tasks) : Dialog(nameof(JoinTaskDialog))
{
    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<TaskTexts>();
        var taskId = (options as TaskNumber)?.TaskId ?? 0;
        var member = await ReviewAccess.FindActorAsync(members, dc.Context, cancellationToken);
        if (member is null)
        {
            await dc.Context.SendTextAsync(dc.Texts<ReviewTexts>().NotAMember, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var status = await tasks.SignUpAsync(taskId, member.Id, cancellationToken);
        var task = status == SignUpStatus.SignedUp ? await tasks.GetAsync(taskId, cancellationToken) : null;
        await dc.Context.SendTextAsync(
            status switch
            {
                SignUpStatus.SignedUp => texts.SignedUp(taskId, task?.Title ?? ""),
                SignUpStatus.AlreadySignedUp => texts.AlreadySignedUp(taskId),
                SignUpStatus.Full => texts.Full(taskId),
                SignUpStatus.NotOpen => texts.NotOpen(taskId),
                _ => texts.NotFound(taskId),
            },
            cancellationToken);
        return await dc.EndDialogAsync(status, cancellationToken);
    }
}
