using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// An administrator's change to members and units (停用, 调动, 任命书记): the sender must be an
/// administrator; the dialog finds what the change is about (the member, the unit, in the order
/// the command names them) among what they administer, asks them to confirm, then makes the
/// change. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public abstract class AdministratorChangeDialog : AdministrationDialog
{
    /// <summary>Creates the dialog's steps: who is asking, what they named, the confirmation, the change.</summary>
    /// <param name="dialogId">The dialog's id.</param>
    /// <param name="members">The member directory.</param>
    /// <param name="organisation">The units.</param>
    /// <param name="lookups">The dialogs that find a member or a unit by name (<see cref="FindMemberDialog"/>, <see cref="FindUnitDialog"/>).</param>
    protected AdministratorChangeDialog(string dialogId, IMemberDirectory members, IOrganisation organisation, params IReadOnlyList<Dialog> lookups)
        : base(dialogId)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        Members = members;
        Organisation = organisation;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(
            nameof(WaterfallDialog), o => o, ActorStepAsync, FoundStepAsync, ConfirmStepAsync, ChangeStepAsync));
        foreach (var lookup in lookups)
        {
            AddDialog(lookup);
        }

        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    /// <summary>The member directory.</summary>
    protected IMemberDirectory Members { get; }

    /// <summary>The units.</summary>
    protected IOrganisation Organisation { get; }

    /// <summary>Begins finding the first thing the command names, for the administrator in <see cref="AdministrationDraft.ActorId"/>.</summary>
    /// <param name="waterfall">The step.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The lookup's turn.</returns>
    protected abstract Task<DialogTurnResult> FindAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken);

    /// <summary>Takes what was found first; begins finding the second thing when the change needs one.</summary>
    /// <param name="waterfall">The step.</param>
    /// <param name="found">The member or unit found.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The next lookup's turn, or the next step with <paramref name="found"/>.</returns>
    protected virtual Task<DialogTurnResult> FoundAsync(WaterfallStepContext<AdministrationDraft> waterfall, object found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waterfall);
        return waterfall.NextAsync(found, cancellationToken);
    }

    /// <summary>The question that confirms the change, once all is found; null when there is none to make (the sender was told why).</summary>
    /// <param name="waterfall">The step.</param>
    /// <param name="found">What the last lookup found.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The question, or null.</returns>
    protected abstract Task<string?> ConfirmationAsync(WaterfallStepContext<AdministrationDraft> waterfall, object found, CancellationToken cancellationToken);

    /// <summary>Makes the confirmed change, checking again what may have changed meanwhile; ends the dialog.</summary>
    /// <param name="waterfall">The step.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The end of the dialog.</returns>
    protected abstract Task<DialogTurnResult> ChangeAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken);

    /// <summary>Tells the sender <paramref name="text"/> and ends the dialog.</summary>
    /// <param name="step">The step.</param>
    /// <param name="text">What to say.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The end of the dialog.</returns>
    protected static async Task<DialogTurnResult> EndWithAsync(WaterfallStepContext<AdministrationDraft> step, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        await step.Context.SendTextAsync(text, cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        if (await AdministrationAccess.RequireAdministratorAsync(Members, step.Context, step.Texts<AdministrationTexts>(), cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return await FindAsync(step, cancellationToken);
    }

    private async Task<DialogTurnResult> FoundStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken) =>
        step.Result is { } found ? await FoundAsync(step, found, cancellationToken) : await step.EndDialogAsync(cancellationToken);

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken) =>
        step.Result is { } found && await ConfirmationAsync(step, found, cancellationToken) is { } question
            ? await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = question, MaxAttempts = 3 }, cancellationToken)
            : await step.EndDialogAsync(cancellationToken);

    private async Task<DialogTurnResult> ChangeStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken) =>
        step.Result is true
            ? await ChangeAsync(step, cancellationToken)
            : await EndWithAsync(step, step.Texts<AdministrationTexts>().NothingChanged, cancellationToken);
}
