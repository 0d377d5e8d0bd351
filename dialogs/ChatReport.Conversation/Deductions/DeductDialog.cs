using System.Globalization;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Deductions;

/// <summary>
/// Records a violation deduction (扣分 张三 5 原因): finds the member by name in the branches the
/// reviewer reviews (asking which one when names repeat), takes the reason from the deduction
/// rules or free text, and tells the member. Begun with a <see cref="DeductionRequestText"/>.
/// </summary>
public sealed class DeductDialog : ComponentDialog
{
    private const string NamePrompt = "DeductNamePrompt";
    private const string ReasonPrompt = "DeductReasonPrompt";
    private const string PointsPrompt = "DeductPointsPrompt";
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IRuleBook _rules;
    private readonly ILedger _ledger;
    private readonly IDeductionNotifier _notifier;
    private readonly TimeProvider _time;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public DeductDialog(IMemberDirectory members, IOrganisation organisation, IRuleBook rules, ILedger ledger, IDeductionNotifier notifier, TimeProvider time)
        : base(nameof(DeductDialog))
    {
        _members = members;
        _organisation = organisation;
        _rules = rules;
        _ledger = ledger;
        _notifier = notifier;
        _time = time;
        AddDialog(WaterfallDialog.Create<DeductionRequestText, DeductionDraft>(
            nameof(WaterfallDialog),
            options => new DeductionDraft(Blank(options.Name), options.Points, Blank(options.Reason)),
            ActorStepAsync,
            FindMemberStepAsync,
            ReasonStepAsync,
            PointsStepAsync,
            RecordStepAsync));
        AddDialog(new TextPrompt(NamePrompt));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
        AddDialog(new TextPrompt(ReasonPrompt));
        AddDialog(new NumberPrompt<int>(PointsPrompt, PointsPromptValidatorAsync));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<DeductionTexts>().DeductHelp;
    }

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<DeductionDraft> step, CancellationToken cancellationToken)
    {
        var review = step.Texts<ReviewTexts>();
        var actor = await ReviewAccess.FindActorAsync(_members, step.Context, cancellationToken);
        if (actor is null || (await ReviewAccess.ReviewedUnitsAsync(_members, step.Context, cancellationToken)).Count == 0)
        {
            await step.Context.SendTextAsync(actor is null ? review.NotAMember : review.NotAReviewer, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return step.State.Name is { } name
            ? await step.NextAsync(name, cancellationToken)
            : await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = step.Texts<DeductionTexts>().AskMember, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> FindMemberStepAsync(WaterfallStepContext<DeductionDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<DeductionTexts>();
        var name = TextNormalizer.ForMatching(step.Result as string);
        step.State = step.State with { Name = name };
        var actor = (await _members.GetAsync(step.State.ActorId, cancellationToken))!;
        var found = new List<(Member Member, string Unit)>();
        foreach (var unitId in await ReviewAccess.ReviewedUnitsAsync(_members, step.Context, cancellationToken))
        {
            var unit = await _organisation.GetUnitAsync(unitId, cancellationToken);
            found.AddRange((await _members.ListMembersAsync(unitId, cancellationToken))
                .Where(m => string.Equals(TextNormalizer.ForMatching(m.DisplayName), name, StringComparison.OrdinalIgnoreCase))
                .Select(m => (m, unit?.Name ?? "")));
        }

        switch (found.Count)
        {
            case 0:
                await step.Context.SendTextAsync(texts.MemberNotFound(name), cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            case 1:
                return await step.NextAsync(new FoundChoice(MemberValue(found[0].Member.Id), 0, ChoiceMatchKind.Exact), cancellationToken);
            default:
                var choices = found.Select(f => new Choice(MemberValue(f.Member.Id)) { Title = texts.MemberChoice(f.Member.DisplayName, f.Unit, f.Member.Id) }).ToList();
                return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = texts.WhichMember(name), Choices = choices, Style = ListStyle.List, MaxAttempts = 3 }, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> ReasonStepAsync(WaterfallStepContext<DeductionDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<DeductionTexts>();
        var member = await _members.GetAsync(long.Parse(((FoundChoice)step.Result!).Value.TrimStart('m'), CultureInfo.InvariantCulture), cancellationToken);
        if (member is null)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (member.Id == step.State.ActorId)
        {
            await step.Context.SendTextAsync(texts.NotYourself, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var rules = (await _rules.ListActiveAsync(cancellationToken)).Where(r => r.Kind == RuleKind.Deduction).ToList();
        step.State = step.State with { MemberId = member.Id, MemberName = member.DisplayName, RuleIds = [.. rules.Select(r => r.Id)] };
        if (step.State.Reason is { } reason)
        {
            return await step.NextAsync(reason, cancellationToken);
        }

        var lines = rules.Select((r, i) => texts.RuleLine(i + 1, RuleName(r, step.Language), r.DefaultPoints));
        return await step.PromptAsync(ReasonPrompt, new PromptOptions { Prompt = string.Join('\n', [texts.AskReason, .. lines]), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> PointsStepAsync(WaterfallStepContext<DeductionDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<DeductionTexts>();
        var said = ((string)step.Result!).Trim();
        var rules = new List<PointRule>();
        foreach (var id in step.State.RuleIds ?? [])
        {
            if (await _rules.GetAsync(id, cancellationToken) is { } rule)
            {
                rules.Add(rule);
            }
        }

        // A number or a rule's name picks the rule; anything else is the reason in the reviewer's words.
        var choices = rules.Select(r => new Choice(r.Code) { Title = RuleName(r, step.Language), Synonyms = [r.NameZh, r.NameEn, r.Code] }).ToList();
        var picked = choices.Count > 0 ? ChoiceRecognition.Recognize(said, choices) : null;
        var pickedRule = picked is null ? null : rules[picked.Index];
        step.State = step.State with { Reason = pickedRule is null ? said : RuleName(pickedRule, step.Language), RuleId = pickedRule?.Id };
        if (step.State.Points is { } points)
        {
            return await step.NextAsync(points, cancellationToken);
        }

        if (pickedRule is { DefaultPoints: > 0 })
        {
            return await step.NextAsync(pickedRule.DefaultPoints, cancellationToken);
        }

        return await step.PromptAsync(PointsPrompt, new PromptOptions { Prompt = texts.AskPoints(step.State.MemberName!), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext<DeductionDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<DeductionTexts>();
        var points = (int)step.Result!;
        if (points is < 1 or > 1000)
        {
            await step.Context.SendTextAsync(texts.PointsOutOfRange, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var draft = step.State with { Points = points };
        var member = (await _members.GetAsync(draft.MemberId, cancellationToken))!;
        var unit = await _organisation.GetUnitAsync(member.UnitId, cancellationToken);
        var today = LocalCalendar.Today(_time, unit?.TimeZone ?? LocalCalendar.DefaultTimeZone);
        var activity = step.Context.Activity;
        ActivityKey? source = activity.Id is { Length: > 0 } id ? new ActivityKey(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", id) : null;
        var recording = await _ledger.RecordDeductionAsync(
            new DeductionRequest(draft.MemberId, points, draft.Reason!, draft.ActorId, today, draft.RuleId, source), cancellationToken);
        var reply = recording.Status switch
        {
            LedgerRecordingStatus.Recorded => texts.Deducted(draft.MemberName!, points, draft.Reason!),
            LedgerRecordingStatus.AlreadyRecorded => texts.AlreadyRecorded(draft.MemberName!, -(recording.Entry?.Points ?? -points)),
            LedgerRecordingStatus.PeriodClosed => texts.PeriodClosed,
            _ => step.Texts<ReviewTexts>().NotAReviewer,
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        if (recording is { Status: LedgerRecordingStatus.Recorded, Entry: { } entry })
        {
            await _notifier.DeductionRecordedAsync(entry, cancellationToken);
        }

        return await step.EndDialogAsync(recording, cancellationToken);
    }

    private static string RuleName(PointRule rule, ReplyLanguage language) => language == ReplyLanguage.English ? rule.NameEn : rule.NameZh;

    // Choice values must not look like list numbers, or "2" would pick member #2 instead of the second line.
    private static string MemberValue(long memberId) => string.Create(CultureInfo.InvariantCulture, $"m{memberId}");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Task<PromptValidation> PointsPromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value is >= 1 and <= 1000
            ? PromptValidation.Accept
            : PromptValidation.Reject(prompt.DialogContext.Texts<DeductionTexts>().PointsOutOfRange));
}
