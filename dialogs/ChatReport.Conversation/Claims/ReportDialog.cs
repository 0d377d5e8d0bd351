using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
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
    private readonly IReviewNotifier _reviewers;
    private readonly TimeProvider _time;
    private readonly ILearnedWordBook _learned;
    private readonly IOrganisation _organisation;

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
        _organisation = organisation;
        _members = members;
        _rules = rules;
        _cycles = cycles;
        _claims = claims;
        _reviewers = reviewers;
        _time = time;
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
        AddDialog(new DateTimePrompt(WhenPrompt, time, WhenPromptValidatorAsync));
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
        return draft.What is null
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
            if ((later ? texts.FutureDate : await CheckDayAsync(step.DialogContext, day, cancellationToken)) is not { } refusal)
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
        if (step.Result is DateTimeResolution when && DeedTimeReader.ReadAnswer(when, Span(step.State)) is { IsDay: true } answer)
        {
            step.State = WithTime(step.State, answer, await DeedZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken));
            if (await CheckDayAsync(step.DialogContext, step.State.OccurredOn!.Value, cancellationToken) is { } refusal)
            {
                // 15号 placed in the month named first can still fall outside the cycle.
                await step.Context.SendTextAsync(refusal, cancellationToken);
                return await step.ReplaceDialogAsync(Waterfall, step.State with { OccurredOn = null, OccurredAt = null }, cancellationToken);
            }
        }

        return step.State.Place is not null || step.State.PlaceAsked
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

        if (step.State.RuleId is not null)
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

        return step.State.AskPoints
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

        return step.State.PhotoAsked
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
        var lines = new List<string>
        {
            texts.SummaryHeader,
            texts.SummaryWhen(draft.OccurredOn!.Value, TimeDetail(draft, texts)),
            texts.SummaryWhere(draft.Place ?? texts.NoPlace),
            texts.SummaryWhat(draft.What ?? string.Empty),
            texts.SummaryRule(rule is null ? string.Empty : RuleNames.Of(rule, step.Language), draft.Points ?? 0),
        };
        if (draft.Photos.Count > 0)
        {
            lines.Add(texts.SummaryPhotos(draft.Photos.Count));
        }

        if (draft.MemberNote is { } memberNote)
        {
            lines.Add(texts.SummaryNote(memberNote));
        }

        var choices = new List<Choice>
        {
            new("submit") { Title = texts.Submit, Synonyms = ["提交", "submit", "确认", "确定", "是", "好", "yes", "ok"] },
            new("change") { Title = texts.Change, Synonyms = ["修改", "改", "change", "edit"] },
            new("cancel") { Title = texts.Cancel, Synonyms = ["取消", "不报了", "cancel"] },
        };
        return await step.PromptAsync(
            nameof(ChoicePrompt),
            new PromptOptions { Prompt = string.Join("\n", lines), Choices = choices, Style = ListStyle.SuggestedActions },
            cancellationToken);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        switch ((step.Result as FoundChoice)?.Value)
        {
            case "submit":
                return await SubmitAsync(step, cancellationToken);
            case "change":
                var fields = new List<Choice>
                {
                    new("when") { Title = texts.FieldWhen, Synonyms = ["时间", "日期", "when", "date"] },
                    new("where") { Title = texts.FieldWhere, Synonyms = ["地点", "where", "place"] },
                    new("what") { Title = texts.FieldWhat, Synonyms = ["事项", "内容", "what"] },
                    new("rule") { Title = texts.FieldRule, Synonyms = ["项目", "类别", "item", "rule"] },
                    new("points") { Title = texts.FieldPoints, Synonyms = ["分数", "积分", "分", "points"] },
                    new("photo") { Title = texts.FieldPhoto, Synonyms = ["照片", "图片", "photo", "picture"] },
                };
                return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = texts.AskField, Choices = fields }, cancellationToken);
            default:
                await step.Context.SendTextAsync(texts.ReportCancelled, cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
        }
    }

    private static async Task<DialogTurnResult> ChangeStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var draft = step.State;
        var changed = (step.Result as FoundChoice)?.Value switch
        {
            "when" => draft with { OccurredOn = null, OccurredAt = null, DayPart = null, TimeKnown = false, SpanFirst = null, SpanLast = null, OfferedDays = [], DuplicateAcknowledged = false },
            "where" => draft with { Place = null, PlaceAsked = false },
            "what" => draft with { What = null, RedetectRule = draft.RuleId is not null },
            "rule" => draft with { RuleId = null, RuleCandidates = [], ShowAllRules = true, Points = null, DuplicateAcknowledged = false },
            "points" => draft with { Points = null, AskPoints = true },
            _ => draft with { Photos = [], PhotoAsked = false },
        };
        return await step.ReplaceDialogAsync(Waterfall, changed, cancellationToken);
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        var draft = step.State;
        var member = await CurrentMember.RequireAsync(_members, step.Context, step.Texts<ConversationTexts>(), cancellationToken);
        if (member is null)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var rule = await _rules.GetAsync(draft.RuleId!.Value, cancellationToken);
        var cycle = await _cycles.FindCycleForDateAsync(draft.OccurredOn!.Value, cancellationToken);
        var cap = rule is { CapPoints: { } capPoints, CapPeriod: { } capPeriod } && cycle is not null
            ? new ClaimCap(capPoints, cycle.PeriodContaining(capPeriod, draft.OccurredOn!.Value))
            : null;
        var activity = step.Context.Activity;
        var source = new ActivityKey(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, activity.Id ?? Guid.NewGuid().ToString("N"));
        var submission = await _claims.SubmitAsync(
            new ClaimRequest(
                member.Id,
                draft.RuleId!.Value,
                draft.OccurredAt ?? LocalInstant(draft.OccurredOn!.Value, TimeOnly.MinValue, await DeedZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken)),
                draft.OccurredOn!.Value,
                draft.Place,
                draft.What ?? string.Empty,
                draft.Points ?? 0,
                draft.MemberNote,
                source,
                draft.Photos,
                cap,
                draft.DayPart,
                draft.TimeKnown,
                draft.RuleAsked && draft.ContentWords.Count > 0 ? draft.ContentWords : null),
            cancellationToken);
        if (submission.Status == ClaimSubmissionStatus.CapExceeded)
        {
            return await CapExceededAsync(step, rule!, submission.CapRemaining ?? 0, cancellationToken);
        }

        var reply = submission.Status switch
        {
            ClaimSubmissionStatus.Created or ClaimSubmissionStatus.AlreadySubmitted => texts.Submitted(submission.Claim!.Id),
            ClaimSubmissionStatus.MemberNotActive => texts.MemberNotActive,
            ClaimSubmissionStatus.RuleNotClaimable => texts.RuleNotClaimable,
            _ => texts.OutsideCycle,
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        // Only a new claim: a redelivered submit must not ring the reviewers twice.
        if (submission.Status == ClaimSubmissionStatus.Created)
        {
            await _reviewers.ClaimSubmittedAsync(submission.Claim!, cancellationToken);
        }

        return await step.EndDialogAsync(submission, cancellationToken);
    }

    // Another claim (a second phone, a double tap) used the cap while this summary was open:
    // lower the points to what is left and show the summary again, or stop when nothing is.
    private static async Task<DialogTurnResult> CapExceededAsync(WaterfallStepContext<ReportDraft> step, PointRule rule, int remaining, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        var name = RuleNames.Of(rule, step.Language);
        var period = texts.PeriodName(rule.CapPeriod!.Value);
        if (remaining <= 0)
        {
            await step.Context.SendTextAsync(texts.CapReached(name, rule.CapPoints!.Value, period), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        await step.Context.SendTextAsync(texts.CapShrankAtSubmit(name, rule.CapPoints!.Value, period, remaining), cancellationToken);
        return await step.ReplaceDialogAsync(Waterfall, step.State with { Points = remaining, AskPoints = false }, cancellationToken);
    }

    private async Task<ReportDraft> AbsorbSentenceAsync(WaterfallStepContext<ReportDraft> step, ReportDraft draft, string sentence, CancellationToken cancellationToken)
    {
        var rules = await _rules.ListActiveAsync(cancellationToken);
        var member = await CurrentMember.FindAsync(_members, step.Context, cancellationToken);
        var learned = member is null ? [] : await _learned.ListAsync(member.UnitId, cancellationToken);
        var zone = await DeedZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken);
        var parsed = DeedSentenceParser.Parse(sentence, rules, step.UserLocale with { TimeZone = zone }, _time.GetUtcNow(), learned);
        var updated = draft with
        {
            What = draft.What ?? (parsed.What.Length > 0 ? parsed.What : null),
            Place = draft.Place ?? parsed.Place,
            Points = draft.Points ?? parsed.Points,
            ContentWords = draft.What is null || draft.RedetectRule ? parsed.ContentWords ?? [] : draft.ContentWords,
        };
        if (updated.OccurredOn is null && updated.SpanFirst is null && parsed.Time is { } time)
        {
            updated = time.IsDay
                ? WithTime(updated, time, zone)
                : updated with { SpanFirst = time.SpanFirst, SpanLast = time.SpanLast, OfferedDays = time.Offered };
        }

        // New words that point at other rules reopen the choice, keeping the old rule on offer;
        // the points go with the rule, so they start again from what the words or the rule say.
        if (updated.RedetectRule && updated.RuleId is { } current && parsed.Rules.Count > 0 && parsed.Rules.All(r => r.Id != current))
        {
            updated = updated with
            {
                RuleId = null,
                RuleCandidates = [.. parsed.Rules.Select(r => r.Id).Append(current)],
                Points = parsed.Points,
                DuplicateAcknowledged = false,
            };
        }

        updated = updated with { RedetectRule = false };
        if (updated.RuleId is null && updated.RuleCandidates.Count == 0)
        {
            updated = parsed.Rule is { } sure
                ? updated with { RuleId = sure.Id }
                : updated with { RuleCandidates = [.. parsed.Rules.Select(r => r.Id)] };
        }

        return updated;
    }

    private const string OtherRules = "other";

    // Deeds are told in the branch's time: its days are the ones claims, caps and cards count in,
    // and a device's own zone is not to be trusted (a browser on a UTC machine made 昨天下午 an
    // evening on the secretary's card).
    private async Task<TimeZoneInfo> DeedZoneAsync(ITurnContext context, TimeZoneInfo fallback, CancellationToken cancellationToken)
    {
        var member = await CurrentMember.FindAsync(_members, context, cancellationToken);
        var unit = member is null ? null : await _organisation.GetUnitAsync(member.UnitId, cancellationToken);
        if (unit is null || string.IsNullOrWhiteSpace(unit.TimeZone))
        {
            return fallback;
        }

        try
        {
            return UserLocale.FindTimeZone(unit.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return fallback;
        }
    }

    private static DeedTime? Span(ReportDraft draft) =>
        draft.SpanFirst is { } first && draft.SpanLast is { } last ? new DeedTime { SpanFirst = first, SpanLast = last } : null;

    // The member's wall clock, as the instant it is in their zone: a time when said, else the
    // start of the part of the day, else midnight; TimeKnown tells which.
    private static ReportDraft WithTime(ReportDraft draft, DeedTime time, TimeZoneInfo zone)
    {
        var day = time.Day!.Value;
        var clock = time.Time ?? time.Part switch
        {
            DayPart.Morning => new TimeOnly(8, 0),
            DayPart.Noon or DayPart.Afternoon => new TimeOnly(12, 0),
            DayPart.Evening => new TimeOnly(16, 0),
            DayPart.Night => new TimeOnly(20, 0),
            _ => TimeOnly.MinValue,
        };
        return draft with
        {
            OccurredOn = day,
            OccurredAt = LocalInstant(day, clock, zone),
            DayPart = time.Time is null ? time.Part : null,
            TimeKnown = time.Time is not null,
            SpanFirst = null,
            SpanLast = null,
            OfferedDays = [],
        };
    }

    private static DateTimeOffset LocalInstant(DateOnly day, TimeOnly clock, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string? TimeDetail(ReportDraft draft, ClaimTexts texts) =>
        draft.DayPart is { } part ? texts.DayPartName(part)
        : draft.TimeKnown && draft.OccurredAt is { } at ? at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private async Task<string?> CheckDayAsync(DialogContext dc, DateOnly day, CancellationToken cancellationToken)
    {
        var texts = dc.Texts<ClaimTexts>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), await DeedZoneAsync(dc.Context, dc.UserLocale.TimeZone, cancellationToken)).DateTime);
        if (day > today)
        {
            return texts.FutureDate;
        }

        return await _cycles.FindCycleForDateAsync(day, cancellationToken) is { IsOpen: true } ? null : texts.OutsideCycle;
    }

    private async Task<PromptValidation> WhenPromptValidatorAsync(PromptValidatorContext<DateTimeResolution> prompt, CancellationToken cancellationToken)
    {
        // A month or a week is not an answer to "which day".
        if (DeedTimeReader.ReadAnswer(prompt.Value, null) is not { Day: { } day })
        {
            return PromptValidation.Reject(prompt.DialogContext.Texts<ClaimTexts>().WhichDayRetry);
        }

        // 15号 after 上个月 is placed in that month later; checked there.
        if (prompt.Value.Timex.StartsWith("XXXX-XX-", StringComparison.Ordinal))
        {
            return PromptValidation.Accept;
        }

        var refusal = await CheckDayAsync(prompt.DialogContext, day, cancellationToken);
        return refusal is null ? PromptValidation.Accept : PromptValidation.Reject(refusal);
    }

    private static Task<PromptValidation> PointsPromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value is >= 1 and <= MaxPoints ? PromptValidation.Accept : PromptValidation.Reject(null));

    private static List<NewClaimAttachment> Images(Activity activity) =>
        [.. (activity.Attachments ?? [])
            .Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(a => new NewClaimAttachment(a.ContentType!, a.ContentUrl, a.Name))];
}
