using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Notices;

/// <summary>The quarter a notice command means, and the choice of branch both notice dialogs offer.</summary>
internal static class NoticeAccess
{
    /// <summary>The named quarter, else the last one that ended; null when there is none.</summary>
    public static async Task<QuarterId?> ResolveQuarterAsync(INoticeDesk desk, QuarterId? named, CancellationToken cancellationToken) =>
        named ?? await desk.LastEndedQuarterAsync(cancellationToken);

    /// <summary>
    /// The first step of both notice dialogs: the speaker must be a member with branches to act
    /// for (<paramref name="unitsOf"/>; else <paramref name="noUnits"/> is said) and a quarter must
    /// have ended; then the branch, asked when there are several. Ends with the branch's id.
    /// </summary>
    public static async Task<DialogTurnResult> AskUnitAsync(
        WaterfallStepContext<NoticeState> step, IMemberDirectory members, IOrganisation organisation, INoticeDesk desk, Func<Member, CancellationToken, Task<IReadOnlyList<long>>> unitsOf, string noUnits, CancellationToken cancellationToken)
    {
        var texts = step.Texts<NoticeTexts>();
        if (await ReviewAccess.FindActorAsync(members, step.Context, cancellationToken) is not { } actor)
        {
            return await EndWithAsync(step, texts.NotAMember, cancellationToken);
        }

        var units = await unitsOf(actor, cancellationToken);
        if (units.Count == 0)
        {
            return await EndWithAsync(step, noUnits, cancellationToken);
        }

        if (await ResolveQuarterAsync(desk, step.State.Quarter, cancellationToken) is not { } quarter)
        {
            return await EndWithAsync(step, texts.NoEndedQuarter, cancellationToken);
        }

        step.State = step.State with { MemberId = actor.Id, Quarter = quarter };
        return units.Count == 1
            ? await step.NextAsync(units[0], cancellationToken)
            : await step.PromptAsync(nameof(ChoicePrompt), WhichUnit(texts, await UnitChoices.BuildAsync(organisation, units, cancellationToken)), cancellationToken);
    }

    public static PromptOptions WhichUnit(NoticeTexts texts, IReadOnlyList<Choice> choices) =>
        new() { Prompt = texts.WhichUnit, Choices = choices, Style = ListStyle.List, MaxAttempts = 3 };

    public static long? Picked(object? result) => result is long known ? known : UnitChoices.Picked(result);

    private static async Task<DialogTurnResult> EndWithAsync(WaterfallStepContext<NoticeState> step, string text, CancellationToken cancellationToken)
    {
        await step.Context.SendTextAsync(text, cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }
}
