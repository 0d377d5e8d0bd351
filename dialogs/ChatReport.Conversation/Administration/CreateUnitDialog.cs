using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 新建支部 名称 [上级单位] [时区]: creates a branch (or general branch, or group) under a unit the
/// administrator administers, by default the one they hold the role on. Begun with a <see cref="CreateUnitDraft"/>.
/// </summary>
public sealed class CreateUnitDialog : AdministrationDialog
{
    private const string NamePrompt = "NewUnitNamePrompt";
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public CreateUnitDialog(IMemberDirectory members, IOrganisation organisation, FindUnitDialog findUnit)
        : base(nameof(CreateUnitDialog))
    {
        _members = members;
        _organisation = organisation;
        AddDialog(WaterfallDialog.Create<CreateUnitDraft, CreateUnitDraft>(nameof(WaterfallDialog), o => o, ActorStepAsync, ParentStepAsync, CreateStepAsync));
        AddDialog(new TextPrompt(NamePrompt));
        AddDialog(findUnit);
    }

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<CreateUnitDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (await AdministrationAccess.RequireAdministratorAsync(_members, step.Context, texts, cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (step.State.TimeZone is { } zone && !LocalCalendar.IsKnownTimeZone(zone))
        {
            await step.Context.SendTextAsync(texts.UnknownTimeZone(zone), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return string.IsNullOrWhiteSpace(step.State.Name)
            ? await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = texts.AskNewUnitName, MaxAttempts = 3 }, cancellationToken)
            : await step.NextAsync(step.State.Name, cancellationToken);
    }

    private async Task<DialogTurnResult> ParentStepAsync(WaterfallStepContext<CreateUnitDraft> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { Name = TextNormalizer.ForMatching(step.Result as string) };
        if (step.State.Name.Length == 0)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (step.State.Parent is null)
        {
            var roots = await AdministrationAccess.AdministratorRootsAsync(_members, _organisation, step.State.ActorId, cancellationToken);
            if (roots.Count == 1)
            {
                return await step.NextAsync(roots[0], cancellationToken);
            }
        }

        return await step.BeginDialogAsync(nameof(FindUnitDialog), new UnitLookup(step.State.Parent, step.State.ActorId), cancellationToken);
    }

    private async Task<DialogTurnResult> CreateStepAsync(WaterfallStepContext<CreateUnitDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not OrgUnit parent)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (!await _members.IsAdministratorOfAsync(step.State.ActorId, parent.Id, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotYourUnit(parent.Name), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var name = step.State.Name!;
        if ((await _organisation.ListChildrenAsync(parent.Id, cancellationToken)).Any(u => u.IsActive && string.Equals(u.Name, name, StringComparison.Ordinal)))
        {
            await step.Context.SendTextAsync(texts.UnitExists(name, parent.Name), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var zone = step.State.TimeZone ?? parent.TimeZone;
        var created = await _organisation.CreateUnitAsync(new NewOrgUnit(parent.Id, step.State.Kind, name, zone), step.State.ActorId, cancellationToken);
        await step.Context.SendTextAsync(texts.UnitCreated(created.Name, parent.Name, created.TimeZone, created.Id), cancellationToken);
        return await step.EndDialogAsync(created, cancellationToken);
    }
}
