using ChatReport.Conversation.Administration;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// Lists or removes a branch's learned words, in one turn. Only the branch's secretary or an
/// administrator over it may; a branch named with #id that the asker does not manage gets the
/// same refusal as one that does not exist, so nothing is learned about other branches.
/// </summary>
public sealed class LearnedWordsDialog(IMemberDirectory members, IOrganisation organisation, ILearnedWordBook words, IRuleBook rules)
    : Dialog(nameof(LearnedWordsDialog))
{
    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var asked = options as LearnedWordsOptions ?? new LearnedWordsOptions(null, null);
        var texts = dc.Texts<LearnedWordsTexts>();
        var actor = await ReviewAccess.FindActorAsync(members, dc.Context, cancellationToken);
        var managed = actor is null ? [] : await AdministrationAccess.ManagedUnitsAsync(members, organisation, actor.Id, withSecretaryUnits: true, cancellationToken);
        var unit = asked.UnitId is { } id ? managed.FirstOrDefault(u => u.Id == id)
            : managed.FirstOrDefault(u => u.Id == actor!.UnitId) ?? (managed.Count == 1 ? managed[0] : null);
        if (unit is null)
        {
            var reply = managed.Count > 1 && asked.UnitId is null
                ? string.Join('\n', [texts.WhichBranch, .. managed.Select(u => $"#{u.Id} {u.Name}")])
                : texts.NotAllowed;
            await dc.Context.SendTextAsync(reply, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        if (asked.Forget is { } word)
        {
            var removed = await words.RemoveAsync(unit.Id, word, actor!.Id, cancellationToken);
            await dc.Context.SendTextAsync(removed > 0 ? texts.Removed(word, unit.Name) : texts.NotFound(word, unit.Name), cancellationToken);
            return await dc.EndDialogAsync(removed, cancellationToken);
        }

        var learned = await words.ListAsync(unit.Id, cancellationToken);
        if (learned.Count == 0)
        {
            await dc.Context.SendTextAsync(texts.None(unit.Name), cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var names = new Dictionary<long, string>();
        foreach (var ruleId in learned.Select(w => w.RuleId).Distinct())
        {
            names[ruleId] = await rules.GetAsync(ruleId, cancellationToken) is { } rule ? RuleNames.Of(rule, dc.Language) : "#" + ruleId;
        }

        var lines = learned.Select(w => texts.Line(w.Word, names[w.RuleId], w.ApprovedClaims));
        await dc.Context.SendTextAsync(string.Join('\n', [texts.Heading(unit.Name), .. lines, texts.Hint]), cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }
}
