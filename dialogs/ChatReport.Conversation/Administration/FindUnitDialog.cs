using System.Globalization;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// Finds a unit by name among those the actor manages: asks for the name when it is missing,
/// offers a choice when names repeat, and refuses politely when the unit is outside the actor's
/// subtree. Begun with a <see cref="UnitLookup"/>; ends with the <see cref="OrgUnit"/>, or with no
/// result after telling the user why.
/// </summary>
public sealed class FindUnitDialog : ComponentDialog
{
    private const string NamePrompt = "UnitNamePrompt";
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public FindUnitDialog(IMemberDirectory members, IOrganisation organisation)
        : base(nameof(FindUnitDialog))
    {
        _members = members;
        _organisation = organisation;
        AddDialog(WaterfallDialog.Create<UnitLookup, UnitLookup>(nameof(WaterfallDialog), o => o, AskStepAsync, SearchStepAsync, PickedStepAsync));
        AddDialog(new TextPrompt(NamePrompt));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<AdministrationTexts>().AdministrationHelp;
    }

    private static async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<UnitLookup> step, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(step.State.Name)
            ? await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = step.State.Ask ?? step.Texts<AdministrationTexts>().AskUnit, MaxAttempts = 3 }, cancellationToken)
            : await step.NextAsync(step.State.Name, cancellationToken);

    private async Task<DialogTurnResult> SearchStepAsync(WaterfallStepContext<UnitLookup> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        var name = TextNormalizer.ForMatching(step.Result as string);
        var scope = await AdministrationAccess.ManagedUnitsAsync(_members, _organisation, step.State.ActorId, step.State.WithSecretaryUnits, cancellationToken);
        var found = scope.Where(u => string.Equals(TextNormalizer.ForMatching(u.Name), name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (found.Count == 0 && name.Length > 0)
        {
            // "山岔村" for "山岔村党支部": people shorten names, and a unique partial match is safe.
            found = [.. scope.Where(u => TextNormalizer.ForMatching(u.Name).Contains(name, StringComparison.OrdinalIgnoreCase))];
        }

        switch (found.Count)
        {
            case 0:
                // The same answer whether or not the unit exists outside the sender's scope.
                await step.Context.SendTextAsync(texts.UnitNotFound(name), cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            case 1:
                return await step.EndDialogAsync(found[0], cancellationToken);
            default:
                var choices = new List<Choice>();
                foreach (var unit in found)
                {
                    var parent = unit.ParentId is { } parentId ? await _organisation.GetUnitAsync(parentId, cancellationToken) : null;
                    choices.Add(new Choice(UnitValue(unit.Id)) { Title = texts.UnitChoice(unit.Name, parent?.Name ?? "-", unit.Id) });
                }

                return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = texts.WhichUnit(name), Choices = choices, Style = ListStyle.List, MaxAttempts = 3 }, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> PickedStepAsync(WaterfallStepContext<UnitLookup> step, CancellationToken cancellationToken)
    {
        var id = long.Parse(((FoundChoice)step.Result!).Value.AsSpan(1), CultureInfo.InvariantCulture);
        return await _organisation.GetUnitAsync(id, cancellationToken) is { } unit
            ? await step.EndDialogAsync(unit, cancellationToken)
            : await step.EndDialogAsync(cancellationToken);
    }

    // Choice values must not look like list numbers, or "2" would pick unit #2 instead of the second line.
    private static string UnitValue(long unitId) => string.Create(CultureInfo.InvariantCulture, $"u{unitId}");
}
