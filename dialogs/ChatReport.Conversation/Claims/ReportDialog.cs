using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Claims;

/// <summary>
/// Reports a deed. Fills what the sentence said (when, where, what, rule, points), asks only for
/// what is missing, checks the date, the rule's cap and a same-day repeat, offers a photo, then
/// shows a summary with submit / change / cancel. Changing a field clears it and restarts the
/// waterfall with <c>ReplaceDialogAsync</c>, so only that field is asked again. Submitting is
/// keyed on the activity that pressed submit, so a redelivery returns the same claim.
/// </summary>
public sealed class ReportDialog : ComponentDialog
{
    private const string Waterfall = nameof(WaterfallDialog);
    private const string WhenPrompt = "WhenPrompt";
    private const string PointsPrompt = "PointsPrompt";
    private const int MaxPoints = 100;
    private static readonly HashSet<string> SkipWords = new(StringComparer.OrdinalIgnoreCase) { "跳过", "没有", "无", "不用", "skip", "none", "no" };

    private readonly IMemberDirectory _members;
    private readonly IRuleBook _rules;
    private readonly ICycleCalendar _cycles;
    private readonly IClaimBook _claims;
    private readonly TimeProvider _time;
    private readonly ILearnedWordBook _learned;
    private readonly DeedDays _days;
    private readonly ReportSubmission _submission;

    /// <summary>Creates the dialog.</summary>
    /// <param name="members">Who is reporting.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="cycles">The cycles, for the open one.</param>
    /// <param name="claims">Where claims go.</param>
    /// <param name="reviewers">Tells the branch's reviewers about a new claim.</param>
    /// <param name="time">The clock.</param>
    /// <param name="learned">The words the member's branch taught for its rules.</param>
    /// <param name="organisation">The branches, for the time zone deeds are told in.</param>
    public ReportDialog(IMemberDirectory members, IRuleBook rules, ICycleCalendar cycles, IClaimBook claims, IReviewNotifier reviewers, TimeProvider time, ILearnedWordBook learned, IOrganisation organisation)
        : base(nameof(ReportDialog))
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(learned);
        ArgumentNullException.ThrowIfNull(organisation);
        _learned = learned;
        _members = members;
        _rules = rules;
        _cycles = cycles;
        _claims = claims;
        _time = time;
        _days = new DeedDays(members, organisation, cycles, time);
        _submission = new ReportSubmission(members, rules, cycles, claims, reviewers);
        AddDialog(new WaterfallDialog<ReportDraft>(
            Waterfall,
            () => new ReportDraft(),
            StartStepAsync,
            WhenStepAsync,
            WhereStepAsync,
            RuleStepAsync,
            PointsStepAsync,
            CapStepAsync,
            SameDayStepAsync,
            NoteStepAsync,
            PhotoStepAsync,
            SummaryStepAsync,
            DecideStepAsync,
            ChangeStepAsync));
        AddDialog(new TextPrompt(nameof(TextPrompt)));
        AddDialog(new DateTimePrompt(WhenPrompt, time, _days.ValidateDayAsync));
        AddDialog(new NumberPrompt<int>(PointsPrompt, PointsPromptValidatorAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
        AddDialog(new AttachmentPrompt(nameof(AttachmentPrompt)));
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var draft = options switch
        {
            ReportOptions report => new ReportDraft { Sentence = report.Sentence },
            _ => new ReportDraft(),
        };
        return base.BeginDialogAsync(dc, draft, cancellationToken);
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<ClaimTexts>().ReportHelp;
    }

    private async Task<DialogTurnResult> StartStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (await CurrentMember.RequireAsync(_members, step.Context, step.Texts<ConversationTexts>(), cancellationToken) is null)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var draft = step.State;
        if (step.Reason == DialogReason.BeginCalled && Images(step.Context.Activity) is { Count: > 0 } photos && draft.Photos.Count == 0)
        {
            draft = draft with { Photos = photos, PhotoAsked = true };
        }

        if (draft.Sentence is { } sentence)
        {
            draft = await AbsorbSentenceAsync(step, draft with { Sentence = null }, sentence, cancellationToken);
        }

        step.State = draft;
        return draft.Lacks(ReportField.What)
            ? await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskWhat }, cancellationToken)
            : await step.NextAsync(cancellationToken);
    }

    private async Task<DialogTurnResult> WhenStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is string answer)
        {
            step.State = await AbsorbSentenceAsync(step, step.State, answer, cancellationToken);
        }

        var texts = step.Texts<ClaimTexts>();
        if (step.State.OccurredOn is { } day)
        {
            // 下午去扫雪 said in the morning has not happened yet either.
            var later = step.State.OccurredAt > _time.GetUtcNow() && (step.State.TimeKnown || step.State.DayPart is not null);
            if ((later ? texts.FutureDate : await _days.CheckDayAsync(step.DialogContext, day, cancellationToken)) is not { } refusal)
            {
                return await step.NextAsync(cancellationToken);
            }

            await step.Context.SendTextAsync(refusal, cancellationToken);
            step.State = step.State with { OccurredOn = null, OccurredAt = null, DayPart = null, TimeKnown = false };
        }

        // Only a day fills the date: for 上个月, 上周 or 前几天 ask which day, offering the likely ones.
        return step.State.SpanFirst is not null
            ? await step.PromptAsync(
                WhenPrompt,
                new PromptOptions
                {
                    Prompt = texts.AskWhichDay,
                    RetryPrompt = texts.WhichDayRetry,
                    Choices = [.. step.State.OfferedDays.Select(d => new Choice(texts.DayButton(d)))],
                },
                cancellationToken)
            : await step.PromptAsync(WhenPrompt, new PromptOptions { Prompt = texts.AskWhen, RetryPrompt = texts.WhichDayRetry }, cancellationToken);
    }

    private async Task<DialogTurnResult> WhereStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is DateTimeResolution when && DeedTimeReader.ReadAnswer(when, step.State.Span) is { IsDay: true } answer)
        {
            step.State = step.State.WithTime(answer, await _days.ZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken));
            if (await _days.CheckDayAsync(step.DialogContext, step.State.OccurredOn!.Value, cancellationToken) is { } refusal)
            {
                // 15号 placed in the month named first can still fall outside the cycle.
                await step.Context.SendTextAsync(refusal, cancellationToken);
                return await step.ReplaceDialogAsync(Waterfall, step.State with { OccurredOn = null, OccurredAt = null }, cancellationToken);
            }
        }

        return !step.State.Lacks(ReportField.Where)
            ? await step.NextAsync(cancellationToken)
            : await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskWhere }, cancellationToken);
    }

    private async Task<DialogTurnResult> RuleStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is string place)
        {
            var trimmed = TextNormalizer.ForMatching(place);
            step.State = step.State with { Place = SkipWords.Contains(trimmed) || trimmed.Length == 0 ? null : place.Trim(), PlaceAsked = true };
        }

        if (!step.State.Lacks(ReportField.Rule))
        {
            return await step.NextAsync(cancellationToken);
        }

        // Close candidates best first, with a way out to every rule; nothing found: every rule.
        var active = (await _rules.ListActiveAsync(cancellationToken)).Where(r => r.Kind == RuleKind.Bonus).ToList();
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

    private async Task<DialogTurnResult> PointsStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice { Value: OtherRules })
        {
            return await step.ReplaceDialogAsync(Waterfall, step.State with { ShowAllRules = true }, cancellationToken);
        }

        if (step.Result is FoundChoice choice && await _rules.FindByCodeAsync(choice.Value, cancellationToken) is { } chosen)
        {
            // Picked after being asked: the sentence's words are learned for this rule.
            step.State = step.State with { RuleId = chosen.Id, RuleCandidates = [], ShowAllRules = false, RuleAsked = true };
        }

        return step.State.Lacks(ReportField.Points)
            ? await step.PromptAsync(PointsPrompt, new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskPoints, RetryPrompt = step.Texts<ClaimTexts>().PointsRetry }, cancellationToken)
            : await step.NextAsync(cancellationToken);
    }

    private async Task<DialogTurnResult> CapStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is int asked)
        {
            step.State = step.State with { Points = asked, AskPoints = false };
        }

        var texts = step.Texts<ClaimTexts>();
        var rule = await _rules.GetAsync(step.State.RuleId!.Value, cancellationToken);
        if (rule is null)
        {
            await step.Context.SendTextAsync(texts.RuleNotClaimable, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { Points = Math.Clamp(step.State.Points ?? rule.DefaultPoints, 0, MaxPoints) };
        if (rule is not { CapPoints: { } cap, CapPeriod: { } period }
            || await _cycles.FindCycleForDateAsync(step.State.OccurredOn!.Value, cancellationToken) is not { } cycle)
        {
            return await step.NextAsync(cancellationToken);
        }

        var member = (await CurrentMember.FindAsync(_members, step.Context, cancellationToken))!;
        var usage = await _claims.GetRuleUsageAsync(member.Id, rule.Id, cycle.PeriodContaining(period, step.State.OccurredOn!.Value), cancellationToken);
        var remaining = cap - usage.CommittedPoints;
        var name = RuleNames.Of(rule, step.Language);
        if (remaining <= 0)
        {
            await step.Context.SendTextAsync(texts.CapReached(name, cap, texts.PeriodName(period)), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (step.State.Points <= remaining)
        {
            return await step.NextAsync(cancellationToken);
        }

        step.State = step.State with { CapRemaining = remaining };
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.AboveCap(name, cap, texts.PeriodName(period), remaining) }, cancellationToken);
    }

    private async Task<DialogTurnResult> SameDayStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        if (step.Result is bool acceptCap)
        {
            if (!acceptCap)
            {
                await step.Context.SendTextAsync(texts.NotSubmitted, cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            }

            step.State = step.State with { Points = step.State.CapRemaining, CapRemaining = null };
        }

        if (step.State.DuplicateAcknowledged)
        {
            return await step.NextAsync(cancellationToken);
        }

        var member = (await CurrentMember.FindAsync(_members, step.Context, cancellationToken))!;
        var same = await _claims.FindSameDayAsync(member.Id, step.State.RuleId!.Value, step.State.OccurredOn!.Value, cancellationToken);
        if (same.Count == 0)
        {
            return await step.NextAsync(cancellationToken);
        }

        var rule = await _rules.GetAsync(step.State.RuleId!.Value, cancellationToken);
        return await step.PromptAsync(
            nameof(ConfirmPrompt),
            new PromptOptions { Prompt = texts.SameDayWarning(rule is null ? string.Empty : RuleNames.Of(rule, step.Language), same[0].Id) },
            cancellationToken);
    }

    private async Task<DialogTurnResult> NoteStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is not bool again)
        {
            return await step.NextAsync(cancellationToken);
        }

        var texts = step.Texts<ClaimTexts>();
        if (!again)
        {
            await step.Context.SendTextAsync(texts.NotSubmitted, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { DuplicateAcknowledged = true };
        return await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = texts.AskNote }, cancellationToken);
    }

    private async Task<DialogTurnResult> PhotoStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is string note && note.Trim().Length > 0)
        {
            step.State = step.State with { MemberNote = note.Trim() };
        }

        return !step.State.Lacks(ReportField.Photo)
            ? await step.NextAsync(cancellationToken)
            : await step.PromptAsync(nameof(AttachmentPrompt), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskPhoto, AllowSkip = true }, cancellationToken);
    }

    private async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is IReadOnlyList<Attachment> photos)
        {
            step.State = step.State with { Photos = [.. photos.Select(p => new NewClaimAttachment(p.ContentType ?? "image/jpeg", p.ContentUrl, p.Name))], PhotoAsked = true };
        }

        var texts = step.Texts<ClaimTexts>();
        var draft = step.State;
        var rule = await _rules.GetAsync(draft.RuleId!.Value, cancellationToken);
        return await step.PromptAsync(
            nameof(ChoicePrompt),
            new PromptOptions { Prompt = ReportSummary.Text(draft, rule is null ? string.Empty : RuleNames.Of(rule, step.Language), texts), Choices = ReportSummary.Decisions(texts), Style = ListStyle.SuggestedActions },
            cancellationToken);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        switch ((step.Result as FoundChoice)?.Value)
        {
            case "submit":
                return await _submission.SubmitAsync(step, Waterfall, await _days.ZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken), cancellationToken);
            case "change":
                return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = texts.AskField, Choices = ReportSummary.Fields(texts) }, cancellationToken);
            default:
                await step.Context.SendTextAsync(texts.ReportCancelled, cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
        }
    }

    private static async Task<DialogTurnResult> ChangeStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var field = Enum.TryParse<ReportField>((step.Result as FoundChoice)?.Value, ignoreCase: true, out var chosen) ? chosen : ReportField.Photo;
        return await step.ReplaceDialogAsync(Waterfall, step.State.Reopen(field), cancellationToken);
    }

    private async Task<ReportDraft> AbsorbSentenceAsync(WaterfallStepContext<ReportDraft> step, ReportDraft draft, string sentence, CancellationToken cancellationToken)
    {
        var rules = await _rules.ListActiveAsync(cancellationToken);
        var member = await CurrentMember.FindAsync(_members, step.Context, cancellationToken);
        var learned = member is null ? [] : await _learned.ListAsync(member.UnitId, cancellationToken);
        var zone = await _days.ZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken);
        return draft.With(DeedSentenceParser.Parse(sentence, rules, step.UserLocale with { TimeZone = zone }, _time.GetUtcNow(), learned), zone);
    }

    private const string OtherRules = "other";

    private static Task<PromptValidation> PointsPromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value is >= 1 and <= MaxPoints ? PromptValidation.Accept : PromptValidation.Reject(null));

    private static List<NewClaimAttachment> Images(Activity activity) =>
        [.. (activity.Attachments ?? [])
            .Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(a => new NewClaimAttachment(a.ContentType!, a.ContentUrl, a.Name))];
}
