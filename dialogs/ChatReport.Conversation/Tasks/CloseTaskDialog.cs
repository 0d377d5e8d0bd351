using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Tasks;

/// <summary>
/// Completes (确认任务 7: asks who took part, "全部" for everyone signed up, else names) or
/// cancels (取消任务 7) a task; everyone concerned is told. Begun with a <see cref="TaskNumber"/>.
/// </summary>
public sealed class CloseTaskDialog : ComponentDialog
{
    private const string ParticipantsPrompt = "TaskParticipantsPrompt";
    private static readonly char[] NameSeparators = [' ', ',', '，', '、', ';', '；'];
    private readonly IMemberDirectory _members;
    private readonly IServiceTasks _tasks;
    private readonly ITaskNotifier _notifier;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public CloseTaskDialog(IMemberDirectory members, IServiceTasks tasks, ITaskNotifier notifier)
        : base(nameof(CloseTaskDialog))
    {
        _members = members;
        _tasks = tasks;
        _notifier = notifier;
        AddDialog(WaterfallDialog.Create<TaskNumber, CloseTaskDraft>(nameof(WaterfallDialog), o => new CloseTaskDraft(o.TaskId, o.Cancel), CheckStepAsync, CloseStepAsync));
        AddDialog(new TextPrompt(ParticipantsPrompt));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<TaskTexts>().TaskHelp;
    }

    private async Task<DialogTurnResult> CheckStepAsync(WaterfallStepContext<CloseTaskDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<TaskTexts>();
        var review = step.Texts<ReviewTexts>();
        var actor = await ReviewAccess.FindActorAsync(_members, step.Context, cancellationToken);
        if (actor is null || (await ReviewAccess.ReviewedUnitsAsync(_members, step.Context, cancellationToken)).Count == 0)
        {
            await step.Context.SendTextAsync(actor is null ? review.NotAMember : review.NotAReviewer, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var task = await _tasks.GetAsync(step.State.TaskId, cancellationToken);
        if (task is null || !await _members.CanReviewAsync(actor.Id, task.UnitId, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotFound(step.State.TaskId), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (task.Status != ServiceTaskStatus.Open)
        {
            await step.Context.SendTextAsync(texts.AlreadyClosed(task.Id), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        if (step.State.Cancel)
        {
            return await step.NextAsync(cancellationToken);
        }

        var signUps = await _tasks.ListSignUpsAsync(task.Id, cancellationToken);
        var names = new List<string>();
        foreach (var signUp in signUps)
        {
            names.Add((await _members.GetAsync(signUp.MemberId, cancellationToken))?.DisplayName ?? "?");
        }

        return await step.PromptAsync(ParticipantsPrompt, new PromptOptions { Prompt = texts.AskParticipants(task.Id, string.Join("、", names)), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> CloseStepAsync(WaterfallStepContext<CloseTaskDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<TaskTexts>();
        var draft = step.State;
        TaskClosing closing;
        if (draft.Cancel)
        {
            closing = await _tasks.CancelAsync(draft.TaskId, draft.ActorId, cancellationToken);
        }
        else
        {
            var task = (await _tasks.GetAsync(draft.TaskId, cancellationToken))!;
            var (ids, unknown) = await ResolveAsync(task, (string)step.Result!, cancellationToken);
            if (unknown.Count > 0 || ids.Count == 0)
            {
                // Awarding a guess would be worse than asking again: points are not taken back lightly.
                if (unknown.Count > 0)
                {
                    await step.Context.SendTextAsync(texts.UnknownNames(string.Join("、", unknown)), cancellationToken);
                }

                return await step.ReplaceDialogAsync(nameof(WaterfallDialog), new TaskNumber(draft.TaskId), cancellationToken);
            }

            closing = await _tasks.CompleteAsync(draft.TaskId, draft.ActorId, ids, cancellationToken);
        }

        var reply = closing.Status switch
        {
            TaskClosingStatus.Closed when draft.Cancel => texts.Cancelled(draft.TaskId, closing.SignUps.Count),
            TaskClosingStatus.Closed => texts.Completed(draft.TaskId, closing.Awards.Count, closing.Task?.PointsEach ?? 0),
            TaskClosingStatus.AlreadyClosed => texts.AlreadyClosed(draft.TaskId),
            TaskClosingStatus.PeriodClosed => texts.PeriodClosed,
            TaskClosingStatus.NotFound => texts.NotFound(draft.TaskId),
            _ => step.Texts<ReviewTexts>().NotAReviewer,
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        if (closing.Status == TaskClosingStatus.Closed)
        {
            await _notifier.TaskClosedAsync(closing, cancellationToken);
        }

        return await step.EndDialogAsync(closing, cancellationToken);
    }

    /// <summary>The members named in <paramref name="answer"/> ("全部"/"all": everyone signed up), and the names not found.</summary>
    private async Task<(IReadOnlyList<long> Ids, IReadOnlyList<string> Unknown)> ResolveAsync(ServiceTask task, string answer, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.ForMatching(answer);
        if (text is "全部" or "都来了" or "所有人" || text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return ([.. (await _tasks.ListSignUpsAsync(task.Id, cancellationToken)).Select(s => s.MemberId)], []);
        }

        var members = await _members.ListMembersAsync(task.UnitId, cancellationToken);
        var ids = new List<long>();
        var unknown = new List<string>();
        foreach (var name in text.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = members.Where(m => string.Equals(TextNormalizer.ForMatching(m.DisplayName), name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 0)
            {
                unknown.Add(name);
            }

            ids.AddRange(found.Select(m => m.Id));
        }

        return (ids.Distinct().ToList(), unknown);
    }
}
