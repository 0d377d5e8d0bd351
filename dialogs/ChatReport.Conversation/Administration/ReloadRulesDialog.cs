using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 重新加载规则: reads the rules file again and reports what was added, updated and deactivated,
/// or why the file was refused. The rules serve the whole installation, so only an administrator
/// of a top unit may reload them.
/// </summary>
public sealed class ReloadRulesDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IRuleBook _rules;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public ReloadRulesDialog(IMemberDirectory members, IOrganisation organisation, IRuleBook rules)
        : base(nameof(ReloadRulesDialog))
    {
        _members = members;
        _organisation = organisation;
        _rules = rules;
        AddDialog(new WaterfallDialog<AdministrationDraft>(nameof(WaterfallDialog), () => new AdministrationDraft(), ReloadStepAsync));
    }

    private async Task<DialogTurnResult> ReloadStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (await AdministrationAccess.RequireAdministratorAsync(_members, step.Context, texts, cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var roots = await AdministrationAccess.AdministratorRootsAsync(_members, _organisation, actor.Id, cancellationToken);
        if (!roots.Any(u => u.ParentId is null))
        {
            await step.Context.SendTextAsync(texts.NotTopAdministrator, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var result = await _rules.ReloadAsync(actor.Id, cancellationToken);
        await step.Context.SendTextAsync(
            result.Succeeded
                ? texts.RulesReloaded(List(result.Added), List(result.Updated), List(result.Deactivated), result.Unchanged)
                : texts.RulesRefused(string.Join('\n', result.Errors)),
            cancellationToken);
        return await step.EndDialogAsync(result, cancellationToken);
    }

    private static string List(IReadOnlyList<string> codes) => codes.Count == 0 ? "-" : string.Join(", ", codes);
}
