using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Review;

/// <summary>
/// Approves, rejects or adjusts one claim (通过 12 / 驳回 12 原因 / 改分 12 5 原因), asking for the
/// points and the reason when the command left them out. Begun with a <see cref="ReviewDecision"/>;
/// ends with the <see cref="ClaimChange"/>, or nothing when it refused.
/// </summary>
public sealed class DecideClaimDialog : ComponentDialog
{
    private const string PointsPrompt = "ReviewPointsPrompt";
    private const string ReasonPrompt = "ReviewReasonPrompt";
    private readonly IMemberDirectory _members;
    private readonly IClaimBook _claims;
    private readonly IReviewNotifier _notifier;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public DecideClaimDialog(IMemberDirectory members, IClaimBook claims, IReviewNotifier notifier)
        : base(nameof(DecideClaimDialog))
    {
        _members = members;
        _claims = claims;
        _notifier = notifier;
        AddDialog(WaterfallDialog.Create<ReviewDecision, ReviewDraft>(
            nameof(WaterfallDialog),
            options => new ReviewDraft(options.ClaimId, options.Action, options.Points, string.IsNullOrWhiteSpace(options.Note) ? null : options.Note.Trim()),
            CheckStepAsync,
            ReasonStepAsync,
            DecideStepAsync));
        AddDialog(new NumberPrompt<int>(PointsPrompt, PointsPromptValidatorAsync));
        AddDialog(new TextPrompt(ReasonPrompt, ReasonPromptValidatorAsync));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<ReviewTexts>().DecideHelp;
    }

    private async Task<DialogTurnResult> CheckStepAsync(WaterfallStepContext<ReviewDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ReviewTexts>();
        var draft = step.State;
        var refusal = await ClaimReviewCheck.RunAsync(_members, _claims, step.Context, draft.ClaimId, texts, cancellationToken);
        if (refusal.Refusal is { } message)
        {
            await step.Context.SendTextAsync(message, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = draft with { ReviewerId = refusal.Reviewer!.Id };
        if (draft.Action == ReviewAction.Adjust && draft.Points is not { } points)
        {
            return await step.PromptAsync(PointsPrompt, new PromptOptions { Prompt = texts.AskAdjustPoints(draft.ClaimId, refusal.Claim!.ClaimedPoints), MaxAttempts = 3 }, cancellationToken);
        }

        return await step.NextAsync(draft.Points, cancellationToken);
    }

    private async Task<DialogTurnResult> ReasonStepAsync(WaterfallStepContext<ReviewDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ReviewTexts>();
        if (step.Result is int points)
        {
            step.State = step.State with { Points = points };
        }

        var draft = step.State;
        if (draft.Action == ReviewAction.Adjust && draft.Points is not (>= 0 and <= 1000))
        {
            await step.Context.SendTextAsync(texts.PointsOutOfRange, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (draft.Action != ReviewAction.Approve && draft.Note is null)
        {
            var question = draft.Action == ReviewAction.Reject ? texts.AskRejectReason(draft.ClaimId) : texts.AskAdjustReason(draft.ClaimId);
            return await step.PromptAsync(ReasonPrompt, new PromptOptions { Prompt = question, MaxAttempts = 3 }, cancellationToken);
        }

        return await step.NextAsync(draft.Note, cancellationToken);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext<ReviewDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ReviewTexts>();
        var draft = step.State with { Note = (step.Result as string)?.Trim() ?? step.State.Note };
        var change = await _claims.DecideAsync(
            new ReviewRequest(draft.ClaimId, draft.ReviewerId, draft.Action, draft.Action == ReviewAction.Adjust ? draft.Points : null, draft.Note),
            cancellationToken);
        await step.Context.SendTextAsync(await DescribeAsync(change, draft.ClaimId, texts, cancellationToken), cancellationToken);
        if (change.Status == ClaimChangeStatus.Done)
        {
            await _notifier.DecisionMadeAsync(change, cancellationToken);
        }

        return await step.EndDialogAsync(change, cancellationToken);
    }

    /// <summary>What to tell the reviewer about <paramref name="change"/>.</summary>
    internal async Task<string> DescribeAsync(ClaimChange change, long claimId, ReviewTexts texts, CancellationToken cancellationToken)
    {
        var claimant = change.Claim is { } claim ? (await _members.GetAsync(claim.MemberId, cancellationToken))?.DisplayName ?? "" : "";
        return change.Status switch
        {
            ClaimChangeStatus.Done when change.Claim!.Status == ClaimStatus.Rejected => texts.Rejected(claimId, claimant),
            ClaimChangeStatus.Done when change.Claim!.AwardedPoints != change.Claim.ClaimedPoints => texts.Adjusted(claimId, claimant, change.Claim.AwardedPoints ?? 0),
            ClaimChangeStatus.Done => texts.Approved(claimId, claimant, change.Claim!.AwardedPoints ?? 0),
            ClaimChangeStatus.NoLongerPending => texts.AlreadyDecided(claimId, change.DecidedBy?.DisplayName ?? "?", StatusWord(change.Claim?.Status, texts)),
            ClaimChangeStatus.NotFound => texts.ClaimNotFound(claimId),
            ClaimChangeStatus.PeriodClosed => texts.PeriodClosed(claimId),
            _ => change.Claim is { } c && c.MemberId == change.DecidedBy?.Id ? texts.OwnClaim(claimId) : texts.NotAReviewer,
        };
    }

    internal static string StatusWord(ClaimStatus? status, ReviewTexts texts) => status switch
    {
        ClaimStatus.Approved => texts.StatusApproved,
        ClaimStatus.Rejected => texts.StatusRejected,
        _ => texts.StatusWithdrawn,
    };

    private static Task<PromptValidation> PointsPromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value is >= 0 and <= 1000
            ? PromptValidation.Accept
            : PromptValidation.Reject(prompt.DialogContext.Texts<ReviewTexts>().PointsOutOfRange));

    private static Task<PromptValidation> ReasonPromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(prompt.Value) ? PromptValidation.Reject(null) : PromptValidation.Accept);
}
