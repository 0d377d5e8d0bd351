using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Points;

/// <summary>
/// 排行榜设置: only a branch's secretary may narrow what its members see of the ranking. A
/// secretary of several branches is asked which one. Without a value it tells the current setting.
/// </summary>
public sealed class RankingSettingsDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IRankingSettings _settings;

    /// <summary>Creates the dialog over the domain ports.</summary>
    /// <param name="members">Who is asking, and their roles.</param>
    /// <param name="organisation">The branches' names.</param>
    /// <param name="settings">The ranking settings.</param>
    public RankingSettingsDialog(IMemberDirectory members, IOrganisation organisation, IRankingSettings settings)
        : base(nameof(RankingSettingsDialog))
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(settings);
        _members = members;
        _organisation = organisation;
        _settings = settings;
        AddDialog(WaterfallDialog.Create<RankingSettingsOptions, RankingSettingsState>(
            nameof(WaterfallDialog), o => new RankingSettingsState(o.Privacy, Unreadable: o.Unreadable), UnitStepAsync, ApplyStepAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<RankingSettingsTexts>().Usage;
    }

    private async Task<DialogTurnResult> UnitStepAsync(WaterfallStepContext<RankingSettingsState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<RankingSettingsTexts>();
        if (await ReviewAccess.FindActorAsync(_members, step.Context, cancellationToken) is not { } actor)
        {
            await step.Context.SendTextAsync(texts.NotAMember, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var units = (await _members.GetRolesAsync(actor.Id, cancellationToken)).Where(r => r.Role == Role.Secretary).Select(r => r.UnitId).Distinct().ToList();
        if (units.Count == 0)
        {
            await step.Context.SendTextAsync(texts.NotSecretary, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        // Rights first, then the words: a member learns nothing from trying values.
        if (step.State.Unreadable is { } words)
        {
            await step.Context.SendTextAsync(texts.Unreadable(words), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return units.Count == 1
            ? await step.NextAsync(units[0], cancellationToken)
            : await step.PromptAsync(
                nameof(ChoicePrompt),
                new PromptOptions { Prompt = texts.WhichUnit, Choices = await UnitChoices.BuildAsync(_organisation, units, cancellationToken), Style = ListStyle.List, MaxAttempts = 3 },
                cancellationToken);
    }

    private async Task<DialogTurnResult> ApplyStepAsync(WaterfallStepContext<RankingSettingsState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<RankingSettingsTexts>();
        var unitId = step.Result is long known ? known : UnitChoices.Picked(step.Result);
        if (unitId is not { } unit || step.State.ActorId is not { } actorId)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var name = (await _organisation.GetUnitAsync(unit, cancellationToken))?.Name ?? "";
        if (step.State.Privacy is not { } wanted)
        {
            var current = await _settings.GetAsync(unit, cancellationToken);
            await step.Context.SendTextAsync(texts.Current(name, texts.Describe(current)) + "\n" + texts.Usage, cancellationToken);
            return await step.EndDialogAsync(current, cancellationToken);
        }

        var saved = await _settings.SetAsync(unit, wanted, actorId, cancellationToken);
        await step.Context.SendTextAsync(texts.Saved(name, texts.Describe(saved)), cancellationToken);
        return await step.EndDialogAsync(saved, cancellationToken);
    }
}
