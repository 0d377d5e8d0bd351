using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Members;

/// <summary>
/// Joins a branch with a code: checks the code, confirms the member's name (the channel's display
/// name, or one they type, as on the roster), and links this channel account to the unlinked
/// roster entry of that name or to a new member. It never links to a member who already has an
/// account: that takes a one-time code from that account (<see cref="LinkDialog"/>); a name
/// already in use (equal after <see cref="PersonName.Normalize"/>) is questioned first. A personal
/// code claims the roster entry it was issued for, without asking a name; the branch's code never
/// claims a secretary, committee member or administrator. Wrong codes are counted and throttled.
/// </summary>
public sealed class JoinDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IJoinCodes _codes;

    /// <summary>Creates the dialog.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="codes">The join codes.</param>
    public JoinDialog(IMemberDirectory members, IJoinCodes codes)
        : base(nameof(JoinDialog))
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(codes);
        _members = members;
        _codes = codes;
        AddDialog(WaterfallDialog.Create<JoinOptions, JoinState>(
            nameof(WaterfallDialog),
            options => new JoinState(options.Code, null, null),
            CheckStepAsync,
            CodeStepAsync,
            NameStepAsync,
            NamesakeStepAsync,
            JoinStepAsync));
        AddDialog(new TextPrompt(nameof(TextPrompt)));
        AddDialog(new TextPrompt(NamePrompt, NamePromptValidatorAsync));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    private const string NamePrompt = "NamePrompt";

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<MemberTexts>().JoinHelp;
    }

    private async Task<DialogTurnResult> CheckStepAsync(WaterfallStepContext<JoinState> step, CancellationToken cancellationToken)
    {
        if (await CurrentMember.FindAsync(_members, step.Context, cancellationToken) is { } member)
        {
            await step.Context.SendTextAsync(step.Texts<MemberTexts>().AlreadyMember(member.DisplayName), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        return step.State.Code is { } code
            ? await step.NextAsync(code, cancellationToken)
            : await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = step.Texts<MemberTexts>().AskCode }, cancellationToken);
    }

    private async Task<DialogTurnResult> CodeStepAsync(WaterfallStepContext<JoinState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<MemberTexts>();
        var code = TextNormalizer.ForMatching(step.Result as string);
        var check = await _codes.CheckAsync(code, Attempt(step.Context), cancellationToken);
        if (check.Code is not { } found)
        {
            await step.Context.SendTextAsync(check.Status == JoinCodeCheckStatus.TooManyAttempts ? texts.TooManyJoinAttempts : texts.UnknownCode, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (found.MemberId is { } memberId && await _members.GetAsync(memberId, cancellationToken) is { } person)
        {
            step.State = new JoinState(found.Code, null, person.DisplayName, IsPersonal: true);
            return await step.NextAsync(person.DisplayName, cancellationToken);
        }

        var suggested = PersonName.Normalize(step.Context.Activity.From?.Name);
        step.State = new JoinState(found.Code, PersonName.IsAcceptable(suggested) ? suggested : null, null);
        return step.State.SuggestedName is { } name
            ? await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmName(name) }, cancellationToken)
            : await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = texts.AskName, RetryPrompt = texts.NameRetry }, cancellationToken);
    }

    private static async Task<DialogTurnResult> NameStepAsync(WaterfallStepContext<JoinState> step, CancellationToken cancellationToken) =>
        step.Result switch
        {
            _ when step.State.IsPersonal => await step.NextAsync(step.State.Name, cancellationToken),
            true => await step.NextAsync(step.State.SuggestedName!, cancellationToken),
            false => await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = step.Texts<MemberTexts>().AskName, RetryPrompt = step.Texts<MemberTexts>().NameRetry }, cancellationToken),
            _ => await step.NextAsync(step.Result, cancellationToken),
        };

    private async Task<DialogTurnResult> NamesakeStepAsync(WaterfallStepContext<JoinState> step, CancellationToken cancellationToken)
    {
        var name = PersonName.Normalize((string)step.Result!);
        step.State = step.State with { Name = name };
        return !step.State.IsPersonal && await HasLinkedNamesakeAsync(step.State.Code!, name, cancellationToken)
            ? await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = step.Texts<MemberTexts>().NamesakeQuestion(name) }, cancellationToken)
            : await step.NextAsync(true, cancellationToken);
    }

    private async Task<DialogTurnResult> JoinStepAsync(WaterfallStepContext<JoinState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<MemberTexts>();
        if (step.Result is false)
        {
            await step.Context.SendTextAsync(texts.LinkHowTo, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var name = step.State.Name!;
        var activity = step.Context.Activity;
        var result = await _members.JoinAsync(
            new JoinRequest(step.State.Code!, activity.ChannelId!, activity.From!.Id!, activity.From.Name, name, activity.Conversation?.TenantId),
            cancellationToken);
        Speakers.Forget(step.Context);
        var reply = result.Status switch
        {
            JoinStatus.Joined => texts.Joined(result.Member!.DisplayName, result.Unit?.Name ?? string.Empty),
            JoinStatus.AlreadyMember => texts.AlreadyMember(result.Member?.DisplayName ?? name),
            JoinStatus.TooManyAttempts => texts.TooManyJoinAttempts,
            JoinStatus.NeedsPersonalCode => texts.NeedsPersonalCode(name),
            _ => texts.UnknownCode,
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        return await step.EndDialogAsync(result.Member, cancellationToken);
    }

    // A join code only ever claims an unlinked roster entry or makes a new member: a name is
    // public, so it must never hand over someone's account. When the name is taken by someone
    // who already chats with us, it is most likely them on a new phone, and 绑定 is the way.
    private async Task<bool> HasLinkedNamesakeAsync(string code, string name, CancellationToken cancellationToken)
    {
        if (await _codes.GetAsync(code, cancellationToken) is not { } joinCode)
        {
            return false;
        }

        foreach (var namesake in (await _members.ListMembersAsync(joinCode.UnitId, cancellationToken)).Where(m => PersonName.AreSame(m.DisplayName, name)))
        {
            if ((await _members.ListAccountsAsync(namesake.Id, cancellationToken)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static JoinAttempt Attempt(ITurnContext turn) =>
        new(turn.Activity.ChannelId ?? string.Empty, turn.Activity.From?.Id ?? string.Empty, turn.Activity.Conversation?.TenantId);

    private static Task<PromptValidation> NamePromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(PersonName.IsAcceptable(PersonName.Normalize(prompt.Value)) ? PromptValidation.Accept : PromptValidation.Reject(null));
}
