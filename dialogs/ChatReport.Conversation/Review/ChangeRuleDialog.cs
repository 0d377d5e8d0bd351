using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Review;

/// <summary>
/// Moves a pending claim to another rule (改规则 12 义务劳动): checks the reviewer as deciding
/// would, asks which rule when none was said, sets the points to the new rule's default within
/// what its cap still allows the member, records the claim's words for the new rule in the
/// branch (they count once a reviewer approves it), and tells the member.
/// </summary>
public sealed class ChangeRuleDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IClaimBook _claims;
    private readonly IRuleBook _rules;
    private readonly ICycleCalendar _cycles;
    private readonly IReviewNotifier _notifier;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public ChangeRuleDialog(IMemberDirectory members, IClaimBook claims, IRuleBook rules, ICycleCalendar cycles, IReviewNotifier notifier)
        : base(nameof(ChangeRuleDialog))
    {
        _members = members;
        _claims = claims;
        _rules = rules;
        _cycles = cycles;
        _notifier = notifier;
        AddDialog(WaterfallDialog.Create<RuleChangeOptions, RuleChangeOptions>(nameof(WaterfallDialog), options => options, CheckStepAsync, ChangeStepAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<RuleChangeTexts>().DecideHelp;
    }

    private async Task<DialogTurnResult> CheckStepAsync(WaterfallStepContext<RuleChangeOptions> step, CancellationToken cancellationToken)
    {
        var (refusal, reviewer, claim) = await ClaimReviewCheck.RunAsync(_members, _claims, step.Context, step.State.ClaimId, step.Texts<ReviewTexts>(), cancellationToken);
        if (refusal is not null)
        {
            await step.Context.SendTextAsync(refusal, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ReviewerId = reviewer!.Id };
        var active = (await _rules.ListActiveAsync(cancellationToken)).Where(r => r.Kind == RuleKind.Bonus).ToList();
        if (step.State.RuleSaid is { } said)
        {
            if (Find(active, said) is not { } rule)
            {
                await step.Context.SendTextAsync(step.Texts<RuleChangeTexts>().UnknownRule(said), cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            }

            return await step.NextAsync(rule.Code, cancellationToken);
        }

        var current = active.Find(r => r.Id == claim!.RuleId);
        var choices = active.Where(r => r.Id != claim!.RuleId)
            .Select(r => new Choice(r.Code) { Title = RuleNames.Of(r, step.Language), Synonyms = [r.NameZh, r.NameEn] })
            .ToList();
        var question = step.Texts<RuleChangeTexts>().AskRule(claim!.Id, current is null ? "?" : RuleNames.Of(current, step.Language));
        return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = question, Choices = choices, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> ChangeStepAsync(WaterfallStepContext<RuleChangeOptions> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<RuleChangeTexts>();
        var code = step.Result switch
        {
            FoundChoice choice => choice.Value,
            string said => said,
            _ => null,
        };
        var rule = code is null ? null : await _rules.FindByCodeAsync(code, cancellationToken);
        var claim = await _claims.GetAsync(step.State.ClaimId, cancellationToken);
        if (rule is null || claim is null)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var from = await _rules.GetAsync(claim.RuleId, cancellationToken);
        if (claim.RuleId == rule.Id)
        {
            await step.Context.SendTextAsync(texts.SameRule(claim.Id, RuleNames.Of(rule, step.Language)), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var change = await _claims.ChangeRuleAsync(
            new RuleChangeRequest(claim.Id, step.State.ReviewerId, rule.Id, await PointsAsync(claim, rule, cancellationToken), SentenceWords.Of(claim.Description).ContentWords()),
            cancellationToken);
        if (change is not { Status: ClaimChangeStatus.Done, Claim: { } changed })
        {
            var refusal = await new DecideClaimDialog(_members, _claims, _notifier).DescribeAsync(change, claim.Id, step.Texts<ReviewTexts>(), cancellationToken);
            await step.Context.SendTextAsync(refusal, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var claimant = (await _members.GetAsync(changed.MemberId, cancellationToken))?.DisplayName ?? "";
        await step.Context.SendTextAsync(texts.Changed(changed.Id, claimant, RuleNames.Of(rule, step.Language), changed.ClaimedPoints), cancellationToken);
        await _notifier.RuleChangedAsync(change, from ?? rule, rule, cancellationToken);
        return await step.EndDialogAsync(change, cancellationToken);
    }

    // The new rule's default, within what its cap still allows the member for the deed's period.
    private async Task<int> PointsAsync(Claim claim, PointRule rule, CancellationToken cancellationToken)
    {
        if (rule is not { CapPoints: { } cap, CapPeriod: { } period }
            || await _cycles.FindCycleForDateAsync(claim.OccurredOn, cancellationToken) is not { } cycle)
        {
            return rule.DefaultPoints;
        }

        var usage = await _claims.GetRuleUsageAsync(claim.MemberId, rule.Id, cycle.PeriodContaining(period, claim.OccurredOn), cancellationToken);
        return Math.Clamp(Math.Min(rule.DefaultPoints, cap - usage.CommittedPoints), 0, rule.DefaultPoints);
    }

    // A rule by code, name (either language) or keyword, as a reviewer types it.
    private static PointRule? Find(IReadOnlyList<PointRule> rules, string said)
    {
        var wanted = TextNormalizer.ForMatching(said);
        return rules.FirstOrDefault(r => new[] { r.Code, r.NameZh, r.NameEn }.Any(n => string.Equals(TextNormalizer.ForMatching(n), wanted, StringComparison.OrdinalIgnoreCase)))
            ?? rules.Where(r => r.Keywords.Any(k => string.Equals(TextNormalizer.ForMatching(k), wanted, StringComparison.OrdinalIgnoreCase))).Take(2).ToList() switch
            {
                [var only] => only,
                _ => null,
            };
    }
}
