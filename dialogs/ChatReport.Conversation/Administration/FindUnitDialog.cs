using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// Finds a unit by name among those the actor manages, and refuses politely when the unit is
/// outside the actor's subtree. Begun with a <see cref="UnitLookup"/>; ends with the
/// <see cref="OrgUnit"/>, or with no result after telling the user why.
/// </summary>
public sealed class FindUnitDialog : FindByNameDialog<UnitLookup, OrgUnit>
{
    /// <summary>Creates the dialog over the domain ports.</summary>
    public FindUnitDialog(IMemberDirectory members, IOrganisation organisation)
        : base(nameof(FindUnitDialog), 'u', members, organisation)
    {
    }

    /// <inheritdoc />
    protected override string AskName(UnitLookup lookup, AdministrationTexts texts)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(texts);
        return lookup.Ask ?? texts.AskUnit;
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<OrgUnit>> SearchAsync(UnitLookup lookup, IReadOnlyList<OrgUnit> scope, string name, CancellationToken cancellationToken)
    {
        var found = scope.Where(u => string.Equals(TextNormalizer.ForMatching(u.Name), name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (found.Count == 0 && name.Length > 0)
        {
            // "山岔村" for "山岔村党支部": people shorten names, and a unique partial match is safe.
            found = [.. scope.Where(u => TextNormalizer.ForMatching(u.Name).Contains(name, StringComparison.OrdinalIgnoreCase))];
        }

        return Task.FromResult<IReadOnlyList<OrgUnit>>(found);
    }

    /// <inheritdoc />
    protected override string NotFound(AdministrationTexts texts, string name) => texts.UnitNotFound(name);

    /// <inheritdoc />
    protected override string Which(AdministrationTexts texts, string name) => texts.WhichUnit(name);

    /// <inheritdoc />
    protected override async Task<(long Id, string Title)> ChoiceAsync(OrgUnit found, AdministrationTexts texts, CancellationToken cancellationToken)
    {
        var parent = found.ParentId is { } parentId ? await Organisation.GetUnitAsync(parentId, cancellationToken) : null;
        return (found.Id, texts.UnitChoice(found.Name, parent?.Name ?? "-", found.Id));
    }

    /// <inheritdoc />
    protected override Task<OrgUnit?> GetAsync(long id, CancellationToken cancellationToken) =>
        Organisation.GetUnitAsync(id, cancellationToken);
}
