using System.Globalization;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Groups;

/// <summary>Branches offered in a choice prompt, and the branch a choice picked.</summary>
internal static class UnitChoices
{
    public static async Task<IReadOnlyList<Choice>> BuildAsync(IOrganisation organisation, IEnumerable<long> unitIds, CancellationToken cancellationToken)
    {
        var choices = new List<Choice>();
        foreach (var unitId in unitIds)
        {
            var name = (await organisation.GetUnitAsync(unitId, cancellationToken))?.Name ?? Value(unitId);
            choices.Add(new Choice(Value(unitId)) { Title = name, Synonyms = [name] });
        }

        return choices;
    }

    /// <summary>The branch a <see cref="FoundChoice"/> picked, or null for anything else.</summary>
    public static long? Picked(object? result) =>
        result is FoundChoice { Value: ['u', ..] value } && long.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static async Task<string> NameAsync(IOrganisation organisation, long unitId, CancellationToken cancellationToken) =>
        (await organisation.GetUnitAsync(unitId, cancellationToken))?.Name ?? Value(unitId);

    // Choice values must not look like list numbers, or "2" would pick unit #2 instead of the second line.
    private static string Value(long unitId) => string.Create(CultureInfo.InvariantCulture, $"u{unitId}");
}
