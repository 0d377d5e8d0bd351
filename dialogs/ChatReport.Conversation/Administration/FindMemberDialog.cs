using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// Finds an active member by name in the units the actor manages. Begun with a
/// <see cref="MemberLookup"/>; ends with the <see cref="Member"/>, or with no result after telling
/// the user why.
/// </summary>
public sealed class FindMemberDialog : FindByNameDialog<MemberLookup, Member>
{
    /// <summary>Creates the dialog over the domain ports.</summary>
    public FindMemberDialog(IMemberDirectory members, IOrganisation organisation)
        : base(nameof(FindMemberDialog), 'm', members, organisation)
    {
    }

    /// <inheritdoc />
    protected override string AskName(MemberLookup lookup, AdministrationTexts texts) => texts.AskMember;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<Member>> SearchAsync(MemberLookup lookup, IReadOnlyList<OrgUnit> scope, string name, CancellationToken cancellationToken)
    {
        var found = new List<Member>();
        foreach (var unit in scope)
        {
            found.AddRange((await Members.ListMembersAsync(unit.Id, cancellationToken))
                .Where(m => string.Equals(TextNormalizer.ForMatching(m.DisplayName), name, StringComparison.OrdinalIgnoreCase)));
        }

        return lookup.PreferUnitId is { } preferred && found.Any(m => m.UnitId == preferred)
            ? [.. found.Where(m => m.UnitId == preferred)]
            : found;
    }

    /// <inheritdoc />
    protected override string NotFound(AdministrationTexts texts, string name) => texts.MemberNotFound(name);

    /// <inheritdoc />
    protected override string Which(AdministrationTexts texts, string name) => texts.WhichMember(name);

    /// <inheritdoc />
    protected override async Task<(long Id, string Title)> ChoiceAsync(Member found, AdministrationTexts texts, CancellationToken cancellationToken)
    {
        var unit = await Organisation.GetUnitAsync(found.UnitId, cancellationToken);
        return (found.Id, texts.MemberChoice(found.DisplayName, unit?.Name ?? "-", found.Id));
    }

    /// <inheritdoc />
    protected override async Task<Member?> GetAsync(long id, CancellationToken cancellationToken) =>
        await Members.GetAsync(id, cancellationToken) is { IsActive: true } member ? member : null;
}
