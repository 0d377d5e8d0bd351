using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Claims;

/// <summary>
/// The report's questions, one small waterfall each (its id is the <see cref="ReportQuestion"/>'s
/// name): begun with the draft, it asks, takes the answer into the draft and ends with it; it ends
/// with nothing when the member declined to go on (they were told).
/// </summary>
internal sealed class ReportQuestions(IMemberDirectory members, IRuleBook rules, ILearnedWordBook learned, DeedDays days, TimeProvider time)
{
    private const string WhenPrompt = "WhenPrompt";
    private const string PointsPrompt = "PointsPrompt";
    private const string OtherRules = "other";
    private static readonly HashSet<string> SkipWords = new(StringComparer.OrdinalIgnoreCase) { "跳过", "没有", "无", "不用", "skip", "none", "no" };

    /// <summary>The questions' waterfalls and the prompts they use.</summary>
    public IEnumerable<Dialog> Dialogs()
    {
        yield return Question(ReportQuestion.Field, AskFieldStepAsync, FieldStepAsync);
        yield return Question(ReportQuestion.What, AskWhatStepAsync, WhatStepAsync);
        yield return Question(ReportQuestion.When, AskWhenStepAsync, WhenStepAsync);
        yield return Question(ReportQuestion.Where, AskWhereStepAsync, WhereStepAsync);
        yield return Question(ReportQuestion.Rule, AskRuleStepAsync, RuleStepAsync);
        yield return Question(ReportQuestion.Points, AskPointsStepAsync, PointsStepAsync);
        yield return Question(ReportQuestion.Cap, AskCapStepAsync, CapStepAsync);
        yield return Question(ReportQuestion.SameDay, AskSameDayStepAsync, SameDayStepAsync, NoteStepAsync);
        yield return Question(ReportQuestion.Photo, AskPhotoStepAsync, PhotoStepAsync);
        yield return new TextPrompt(nameof(TextPrompt));
        yield return new DateTimePrompt(WhenPrompt, time, days.ValidateDayAsync);
        yield return new NumberPrompt<int>(PointsPrompt, PointsPromptValidatorAsync);
        yield return new ChoicePrompt(nameof(ChoicePrompt));
        yield return new ConfirmPrompt(nameof(ConfirmPrompt));
        yield return new AttachmentPrompt(nameof(AttachmentPrompt));
    }

    /// <summary>The draft with what <paramref name="sentence"/> says filled in where still empty.</summary>
    public async Task<ReportDraft> AbsorbSentenceAsync(DialogContext dc, ReportDraft draft, string sentence, CancellationToken cancellationToken)
    {
        var active = await rules.ListActiveAsync(cancellationToken);
        var member = await CurrentMember.FindAsync(members, dc.Context, cancellationToken);
        var words = member is null ? [] : await learned.ListAsync(member.UnitId, cancellationToken);
        var zone = await days.ZoneAsync(dc.Context, dc.UserLocale.TimeZone, cancellationToken);
        return draft.With(DeedSentenceParser.Parse(sentence, active, dc.UserLocale with { TimeZone = zone }, time.GetUtcNow(), words), zone);
    }

    private static WaterfallDialog<ReportDraft> Question(ReportQuestion question, params WaterfallStep<ReportDraft>[] steps) =>
        new(question.ToString(), steps);

    private static Task<DialogTurnResult> AskFieldStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskField, Choices = ReportSummary.Fields(step.Texts<ClaimTexts>()) }, cancellationToken);

    private static Task<DialogTurnResult> FieldStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var field = Enum.TryParse<ReportField>((step.Result as FoundChoice)?.Value, ignoreCase: true, out var chosen) ? chosen : ReportField.Photo;
        return step.EndDialogAsync((step.State with { ChoosingField = false }).Reopen(field), cancellationToken);
    }

    private static Task<DialogTurnResult> AskWhatStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskWhat }, cancellationToken);

    private async Task<DialogTurnResult> WhatStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        await step.EndDialogAsync(step.Result is string answer ? await AbsorbSentenceAsync(step.DialogContext, step.State, answer, cancellationToken) : step.State, cancellationToken);

    // Only a day fills the date: for 上个月, 上周 or 前几天 ask which day, offering the likely ones.
    private static Task<DialogTurnResult> AskWhenStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        return step.PromptAsync(
            WhenPrompt,
            step.State.SpanFirst is not null
                ? new PromptOptions { Prompt = texts.AskWhichDay, RetryPrompt = texts.WhichDayRetry, Choices = [.. step.State.OfferedDays.Select(d => new Choice(texts.DayButton(d)))] }
                : new PromptOptions { Prompt = texts.AskWhen, RetryPrompt = texts.WhichDayRetry },
            cancellationToken);
    }

    private async Task<DialogTurnResult> WhenStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is DateTimeResolution when && DeedTimeReader.ReadAnswer(when, step.State.Span) is { IsDay: true } answer)
        {
            step.State = step.State.WithTime(answer, await days.ZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken));
            if (await days.CheckDayAsync(step.DialogContext, step.State.OccurredOn!.Value, cancellationToken) is { } refusal)
            {
                // 15号 placed in the month named first can still fall outside the cycle.
                await step.Context.SendTextAsync(refusal, cancellationToken);
                step.State = step.State with { OccurredOn = null, OccurredAt = null };
            }
        }

        return await step.EndDialogAsync(step.State, cancellationToken);
    }

    private static Task<DialogTurnResult> AskWhereStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskWhere }, cancellationToken);

    private static Task<DialogTurnResult> WhereStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var place = step.Result as string ?? string.Empty;
        var trimmed = TextNormalizer.ForMatching(place);
        return step.EndDialogAsync(step.State with { Place = SkipWords.Contains(trimmed) || trimmed.Length == 0 ? null : place.Trim(), PlaceAsked = true }, cancellationToken);
    }

    // Close candidates best first, with a way out to every rule; nothing found: every rule.
    private async Task<DialogTurnResult> AskRuleStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var active = (await rules.ListActiveAsync(cancellationToken)).Where(r => r.Kind == RuleKind.Bonus).ToList();
        var narrowed = step.State.RuleCandidates.Count > 0 && !step.State.ShowAllRules;
        var offered = narrowed
            ? [.. step.State.RuleCandidates.Select(id => active.Find(r => r.Id == id)).OfType<PointRule>()]
            : active;
        var choices = offered.Select(r => new Choice(r.Code) { Title = RuleNames.Of(r, step.Language), Synonyms = [r.NameZh, r.NameEn] }).ToList();
        if (narrowed && offered.Count < active.Count)
        {
            choices.Add(new Choice(OtherRules) { Title = step.Texts<ClaimTexts>().OtherRule, Synonyms = ["都不是", "其他", "全部", "other", "none", "all"] });
        }

        return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskRule, Choices = choices }, cancellationToken);
    }

    private async Task<DialogTurnResult> RuleStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice { Value: OtherRules })
        {
            return await step.EndDialogAsync(step.State with { ShowAllRules = true }, cancellationToken);
        }

        // Picked after being asked: the sentence's words are learned for this rule.
        return await step.EndDialogAsync(
            step.Result is FoundChoice choice && await rules.FindByCodeAsync(choice.Value, cancellationToken) is { } chosen
                ? step.State with { RuleId = chosen.Id, RuleCandidates = [], ShowAllRules = false, RuleAsked = true }
                : step.State,
            cancellationToken);
    }

    private static Task<DialogTurnResult> AskPointsStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.PromptAsync(PointsPrompt, new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskPoints, RetryPrompt = step.Texts<ClaimTexts>().PointsRetry }, cancellationToken);

    private static Task<DialogTurnResult> PointsStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result is int asked ? step.State with { Points = asked, AskPoints = false } : step.State, cancellationToken);

    private async Task<DialogTurnResult> AskCapStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        var rule = (await rules.GetAsync(step.State.RuleId!.Value, cancellationToken))!;
        var prompt = texts.AboveCap(RuleNames.Of(rule, step.Language), rule.CapPoints!.Value, texts.PeriodName(rule.CapPeriod!.Value), step.State.CapRemaining!.Value);
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = prompt }, cancellationToken);
    }

    private static async Task<DialogTurnResult> CapStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.Result is true
            ? await step.EndDialogAsync(step.State with { Points = step.State.CapRemaining, CapRemaining = null }, cancellationToken)
            : await NotSubmittedAsync(step, cancellationToken);

    private async Task<DialogTurnResult> AskSameDayStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var rule = await rules.GetAsync(step.State.RuleId!.Value, cancellationToken);
        var prompt = step.Texts<ClaimTexts>().SameDayWarning(rule is null ? string.Empty : RuleNames.Of(rule, step.Language), step.State.SameDayClaimId!.Value);
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = prompt }, cancellationToken);
    }

    private static async Task<DialogTurnResult> SameDayStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            return await NotSubmittedAsync(step, cancellationToken);
        }

        step.State = step.State with { DuplicateAcknowledged = true, SameDayClaimId = null };
        return await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskNote }, cancellationToken);
    }

    private static Task<DialogTurnResult> NoteStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result is string note && note.Trim().Length > 0 ? step.State with { MemberNote = note.Trim() } : step.State, cancellationToken);

    private static Task<DialogTurnResult> AskPhotoStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken) =>
        step.PromptAsync(nameof(AttachmentPrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskPhoto, AllowSkip = true }, cancellationToken);

    private static Task<DialogTurnResult> PhotoStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var photos = step.Result as IReadOnlyList<Attachment> ?? [];
        return step.EndDialogAsync(step.State with { Photos = [.. photos.Select(p => new NewClaimAttachment(p.ContentType ?? "image/jpeg", p.ContentUrl, p.Name))], PhotoAsked = true }, cancellationToken);
    }

    private static async Task<DialogTurnResult> NotSubmittedAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        await step.Context.SendTextAsync(step.Texts<ClaimTexts>().NotSubmitted, cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }

    private static Task<PromptValidation> PointsPromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value is >= 1 and <= ReportChecks.MaxPoints ? PromptValidation.Accept : PromptValidation.Reject(null));
}
