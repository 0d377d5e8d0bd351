using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 作废邀请码 123456: revokes a join code of a branch the sender administers or is secretary of,
/// after a confirmation. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class RevokeCodeDialog : AdministrationDialog
{
    private const string CodePrompt = "RevokeCodePrompt";
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IJoinCodes _codes;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public RevokeCodeDialog(IMemberDirectory members, IOrganisation organisation, IJoinCodes codes)
        : base(nameof(RevokeCodeDialog))
    {
        _members = members;
        _organisation = organisation;
        _codes = codes;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(nameof(WaterfallDialog), o => o, ActorStepAsync, ConfirmStepAsync, RevokeStepAsync));
        AddDialog(new TextPrompt(CodePrompt));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (await AdministrationAccess.RequireManagerAsync(_members, step.Context, texts, cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return step.State.Code is { } code
            ? await step.NextAsync(code, cancellationToken)
            : await step.PromptAsync(CodePrompt, new PromptOptions { Prompt = texts.AskCode, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        var said = TextNormalizer.ForMatching(step.Result as string);
        var code = said.Length == 0 ? null : await _codes.GetAsync(said, cancellationToken);

        // A code of another subtree is "not found": its existence is none of this sender's business.
        if (code is null || !await AdministrationAccess.ManagesAsync(_members, step.State.ActorId, code.UnitId, orSecretary: true, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.CodeNotFound(said), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (code.RevokedAt is not null)
        {
            await step.Context.SendTextAsync(texts.CodeAlreadyRevoked(code.Code), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { Code = code.Code, UnitId = code.UnitId };
        var unit = await _organisation.GetUnitAsync(code.UnitId, cancellationToken);
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmRevoke(code.Code, unit?.Name ?? "-"), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> RevokeStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not true)
        {
            await step.Context.SendTextAsync(texts.NothingChanged, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var code = step.State.Code!;
        if (!await AdministrationAccess.ManagesAsync(_members, step.State.ActorId, step.State.UnitId, orSecretary: true, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.CodeNotFound(code), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var revoked = await _codes.RevokeAsync(code, step.State.ActorId, cancellationToken);
        await step.Context.SendTextAsync(revoked ? texts.CodeRevoked(code) : texts.CodeAlreadyRevoked(code), cancellationToken);
        return await step.EndDialogAsync(revoked, cancellationToken);
    }
}
