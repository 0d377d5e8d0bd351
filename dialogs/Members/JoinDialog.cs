using ChatReport.Dialogs.Conversation;
using ChatReport.Dialogs.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Members;

/// <summary>
/// Joins a branch with a code: checks the code, confirms the member's name (the channel's display
/// name, or one they type, as on the roster), and links this channel account. A name that
/// already belongs to a member of that branch with another channel account links this account
/// to them, so one person keeps one set of points on every channel.
/// </summary>
public sealed class JoinDialog : ComponentDialog
{
    private const int MaxNameLength = 20;
    private readonly IMemberDirectory _members;
    private readonly IJoinCodes _codes;
    private readonly TimeProvider _time;

    /// <summary>Creates the dialog.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="codes">The join codes.</param>
    /// <param name="time">The clock, for expiry.</param>
    public JoinDialog(IMemberDirectory members, IJoinCodes codes, TimeProvider time)
        : base(nameof(JoinDialog))
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(time);
        _members = members;
        _codes = codes;
        _time = time;
        AddDialog(WaterfallDialog.Create<JoinOptions, JoinState>(
            nameof(WaterfallDialog),
            options => new JoinState(options.Code, null),
            CheckStepAsync,
            CodeStepAsync,
            NameStepAsync,
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
        var found = code.Length == 0 ? null : await _codes.GetAsync(code, cancellationToken);
        var refusal = found switch
        {
            null => texts.UnknownCode,
            { RevokedAt: not null } => texts.RevokedCode,
            { ExpiresAt: { } expires } when _time.GetUtcNow() >= expires => texts.ExpiredCode,
            { MaxUses: { } max } when found.Uses >= max => texts.UsedUpCode,
            _ => null,
        };
        if (refusal is not null)
        {
            await step.Context.SendTextAsync(refusal, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var suggested = step.Context.Activity.From?.Name?.Trim();
        step.State = new JoinState(code, IsPlausibleName(suggested) ? suggested : null);
        return step.State.SuggestedName is { } name
            ? await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmName(name) }, cancellationToken)
            : await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = texts.AskName, RetryPrompt = texts.NameRetry }, cancellationToken);
    }

    private static async Task<DialogTurnResult> NameStepAsync(WaterfallStepContext<JoinState> step, CancellationToken cancellationToken) =>
        step.Result switch
        {
            true => await step.NextAsync(step.State.SuggestedName!, cancellationToken),
            false => await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = step.Texts<MemberTexts>().AskName, RetryPrompt = step.Texts<MemberTexts>().NameRetry }, cancellationToken),
            _ => await step.NextAsync(step.Result, cancellationToken),
        };

    private async Task<DialogTurnResult> JoinStepAsync(WaterfallStepContext<JoinState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<MemberTexts>();
        var name = ((string)step.Result!).Trim();
        var code = step.State.Code!;
        var activity = step.Context.Activity;
        var channelId = activity.ChannelId!;
        var userId = activity.From!.Id!;

        if (await FindLinkedNamesakeAsync(code, name, cancellationToken) is { } namesake)
        {
            var status = await _members.LinkAccountAsync(namesake.Id, channelId, userId, activity.From.Name, cancellationToken);
            await step.Context.SendTextAsync(
                status is AccountLinkStatus.Linked or AccountLinkStatus.AlreadyLinked ? texts.Linked(namesake.DisplayName) : texts.LinkedToAnother,
                cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var result = await _members.JoinAsync(new JoinRequest(code, channelId, userId, activity.From.Name, name), cancellationToken);
        var reply = result.Status switch
        {
            JoinStatus.Joined => texts.Joined(result.Member!.DisplayName, result.Unit?.Name ?? string.Empty),
            JoinStatus.AlreadyMember => texts.AlreadyMember(result.Member?.DisplayName ?? name),
            JoinStatus.Expired => texts.ExpiredCode,
            JoinStatus.Revoked => texts.RevokedCode,
            JoinStatus.UsedUp => texts.UsedUpCode,
            _ => texts.UnknownCode,
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        return await step.EndDialogAsync(result.Member, cancellationToken);
    }

    // JoinAsync claims only roster entries without an account; a namesake who already has one is
    // the same person on another channel (WeChat and Teams, a new phone).
    private async Task<Member?> FindLinkedNamesakeAsync(string code, string name, CancellationToken cancellationToken)
    {
        if (await _codes.GetAsync(code, cancellationToken) is not { } joinCode)
        {
            return null;
        }

        var namesakes = (await _members.ListMembersAsync(joinCode.UnitId, cancellationToken))
            .Where(m => m.IsActive && string.Equals(m.DisplayName, name, StringComparison.Ordinal))
            .ToList();
        var linked = new List<Member>();
        foreach (var namesake in namesakes)
        {
            if ((await _members.ListAccountsAsync(namesake.Id, cancellationToken)).Count > 0)
            {
                linked.Add(namesake);
            }
        }

        return linked.Count == 1 && namesakes.Count == 1 ? linked[0] : null;
    }

    private static bool IsPlausibleName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Contains('@', StringComparison.Ordinal);

    private static Task<PromptValidation> NamePromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(IsPlausibleName(prompt.Value?.Trim()) ? PromptValidation.Accept : PromptValidation.Reject(null));
}
