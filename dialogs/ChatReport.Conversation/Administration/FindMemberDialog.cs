using System.Globalization;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// Finds an active member by name in the units the actor manages: asks for the name when it is
/// missing and offers a choice when names repeat. Begun with a <see cref="MemberLookup"/>; ends
/// with the <see cref="Member"/>, or with no result after telling the user why.
/// </summary>
public sealed class FindMemberDialog : ComponentDialog
{
    private const string NamePrompt = "MemberNamePrompt";
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public FindMemberDialog(IMemberDirectory members, IOrganisation organisation)
        : base(nameof(FindMemberDialog))
    {
        _members = members;
        _organisation = organisation;
        AddDialog(WaterfallDialog.Create<MemberLookup, MemberLookup>(nameof(WaterfallDialog), o => o, AskStepAsync, SearchStepAsync, PickedStepAsync));
        AddDialog(new TextPrompt(NamePrompt));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<AdministrationTexts>().AdministrationHelp;
    }

    private static async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<MemberLookup> step, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(step.State.Name)
            ? await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = step.Texts<AdministrationTexts>().AskMember, MaxAttempts = 3 }, cancellationToken)
            : await step.NextAsync(step.State.Name, cancellationToken);

    private async Task<DialogTurnResult> SearchStepAsync(WaterfallStepContext<MemberLookup> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        var name = TextNormalizer.ForMatching(step.Result as string);
        var found = new List<(Member Member, OrgUnit Unit)>();
        foreach (var unit in await AdministrationAccess.ManagedUnitsAsync(_members, _organisation, step.State.ActorId, step.State.WithSecretaryUnits, cancellationToken))
        {
            found.AddRange((await _members.ListMembersAsync(unit.Id, cancellationToken))
                .Where(m => string.Equals(TextNormalizer.ForMatching(m.DisplayName), name, StringComparison.OrdinalIgnoreCase))
                .Select(m => (m, unit)));
        }

        if (step.State.PreferUnitId is { } preferred && found.Any(f => f.Member.UnitId == preferred))
        {
            found = [.. found.Where(f => f.Member.UnitId == preferred)];
        }

        switch (found.Count)
        {
            case 0:
                await step.Context.SendTextAsync(texts.MemberNotFound(name), cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            case 1:
                return await step.EndDialogAsync(found[0].Member, cancellationToken);
            default:
                var choices = found.Select(f => new Choice(MemberValue(f.Member.Id)) { Title = texts.MemberChoice(f.Member.DisplayName, f.Unit.Name, f.Member.Id) }).ToList();
                return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = texts.WhichMember(name), Choices = choices, Style = ListStyle.List, MaxAttempts = 3 }, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> PickedStepAsync(WaterfallStepContext<MemberLookup> step, CancellationToken cancellationToken)
    {
        var id = long.Parse(((FoundChoice)step.Result!).Value.AsSpan(1), CultureInfo.InvariantCulture);
        return await _members.GetAsync(id, cancellationToken) is { IsActive: true } member
            ? await step.EndDialogAsync(member, cancellationToken)
            : await step.EndDialogAsync(cancellationToken);
    }

    // Choice values must not look like list numbers, or "2" would pick member #2 instead of the second line.
    private static string MemberValue(long memberId) => string.Create(CultureInfo.InvariantCulture, $"m{memberId}");
}
