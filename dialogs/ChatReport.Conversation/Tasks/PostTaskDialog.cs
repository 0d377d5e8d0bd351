using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Tasks;

/// <summary>Posts a service task (发布任务): asks what, when (in the future), where, points each and places, then announces it to the branch's groups.</summary>
public sealed class PostTaskDialog : ComponentDialog
{
    private const string WhatPrompt = "TaskWhatPrompt";
    private const string WherePrompt = "TaskWherePrompt";
    private const string PointsPrompt = "TaskPointsPrompt";
    private const string PlacesPrompt = "TaskPlacesPrompt";
    private readonly IMemberDirectory _members;
    private readonly IServiceTasks _tasks;
    private readonly ITaskNotifier _notifier;
    private readonly TimeProvider _time;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public PostTaskDialog(IMemberDirectory members, IServiceTasks tasks, ITaskNotifier notifier, TimeProvider time)
        : base(nameof(PostTaskDialog))
    {
        _members = members;
        _tasks = tasks;
        _notifier = notifier;
        _time = time;
        AddDialog(new WaterfallDialog<PostTaskDraft>(nameof(WaterfallDialog), () => new PostTaskDraft(), WhatStepAsync, WhenStepAsync, WhereStepAsync, PointsStepAsync, PlacesStepAsync, PostStepAsync));
        AddDialog(new TextPrompt(WhatPrompt));
        AddDialog(new DateTimePrompt(nameof(DateTimePrompt), time, WhenPromptValidatorAsync) { Preference = DateTimePreference.Future });
        AddDialog(new TextPrompt(WherePrompt));
        AddDialog(new NumberPrompt<int>(PointsPrompt, RangePromptValidatorAsync));
        AddDialog(new NumberPrompt<int>(PlacesPrompt, RangePromptValidatorAsync));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<TaskTexts>().TaskHelp;
    }

    private async Task<DialogTurnResult> WhatStepAsync(WaterfallStepContext<PostTaskDraft> step, CancellationToken cancellationToken)
    {
        var review = step.Texts<ReviewTexts>();
        var actor = await ReviewAccess.FindActorAsync(_members, step.Context, cancellationToken);
        var units = actor is null ? [] : await ReviewAccess.ReviewedUnitsAsync(_members, step.Context, cancellationToken);
        if (actor is null || units.Count == 0)
        {
            await step.Context.SendTextAsync(actor is null ? review.NotAMember : review.NotAReviewer, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        // A reviewer of several branches posts for their own branch when they review it, else the first.
        step.State = new PostTaskDraft(actor.Id, units.Contains(actor.UnitId) ? actor.UnitId : units[0]);
        return await step.PromptAsync(WhatPrompt, new PromptOptions { Prompt = step.Texts<TaskTexts>().AskWhat, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> WhenStepAsync(WaterfallStepContext<PostTaskDraft> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { Title = ((string)step.Result!).Trim() };
        return await step.PromptAsync(nameof(DateTimePrompt), new PromptOptions { Prompt = step.Texts<TaskTexts>().AskWhen, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> WhereStepAsync(WaterfallStepContext<PostTaskDraft> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { StartsAt = ((DateTimeResolution)step.Result!).Start };
        return await step.PromptAsync(WherePrompt, new PromptOptions { Prompt = step.Texts<TaskTexts>().AskWhere, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> PointsStepAsync(WaterfallStepContext<PostTaskDraft> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { Place = ((string)step.Result!).Trim() };
        return await step.PromptAsync(PointsPrompt, new PromptOptions { Prompt = step.Texts<TaskTexts>().AskPoints, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> PlacesStepAsync(WaterfallStepContext<PostTaskDraft> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { PointsEach = (int)step.Result! };
        return await step.PromptAsync(PlacesPrompt, new PromptOptions { Prompt = step.Texts<TaskTexts>().AskPlaces, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> PostStepAsync(WaterfallStepContext<PostTaskDraft> step, CancellationToken cancellationToken)
    {
        var places = (int)step.Result!;
        var draft = step.State;
        var task = await _tasks.PostAsync(
            new NewServiceTask(draft.UnitId, draft.Title!, draft.Place, draft.StartsAt!.Value, draft.PointsEach, places > 0 ? places : null, draft.ActorId),
            cancellationToken);
        await _notifier.TaskPostedAsync(task, cancellationToken);
        await step.Context.SendTextAsync(step.Texts<TaskTexts>().Posted(task.Id), cancellationToken);
        return await step.EndDialogAsync(task, cancellationToken);
    }

    private Task<PromptValidation> WhenPromptValidatorAsync(PromptValidatorContext<DateTimeResolution> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value.Start is { } start && start > _time.GetUtcNow()
            ? PromptValidation.Accept
            : PromptValidation.Reject(prompt.DialogContext.Texts<TaskTexts>().WhenInPast));

    private static Task<PromptValidation> RangePromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value is >= 0 and <= 1000
            ? PromptValidation.Accept
            : PromptValidation.Reject(prompt.DialogContext.Texts<TaskTexts>().PointsOutOfRange));
}
