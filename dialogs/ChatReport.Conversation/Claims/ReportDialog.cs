using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Claims;

/// <summary>
/// Reports a deed, as core-bot's booking dialog books a flight: ask → summary → decide. The
/// <see cref="ReportDraft"/> starts from what the sentence said (when, where, what, rule, points)
/// and names the one <see cref="ReportDraft.Question"/> still open; the ask step puts it (each
/// question is a small dialog in <see cref="ReportQuestions"/>) and the waterfall starts again with
/// <c>ReplaceDialogAsync</c> until none is left. Before each question the draft is checked where
/// it needs the stores (<see cref="ReportChecks"/>: the day, the rule's cap, a same-day repeat).
/// Then the summary, with submit / change / cancel; changing a field clears it, so only that field
/// is asked again. Submitting is keyed on the activity that pressed submit, so a redelivery returns
/// the same claim.
/// </summary>
public sealed class ReportDialog : ComponentDialog
{
    private const string Waterfall = nameof(WaterfallDialog);

    private readonly IMemberDirectory _members;
    private readonly IRuleBook _rules;
    private readonly DeedDays _days;
    private readonly ReportChecks _checks;
    private readonly ReportQuestions _questions;
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
        _members = members;
        _rules = rules;
        _days = new DeedDays(members, organisation, cycles, time);
        _checks = new ReportChecks(members, rules, cycles, claims, _days, time);
        _questions = new ReportQuestions(members, rules, learned, _days, time);
        _submission = new ReportSubmission(members, rules, cycles, claims, reviewers);
        AddDialog(new WaterfallDialog<ReportDraft>(Waterfall, () => new ReportDraft(), AskStepAsync, SummaryStepAsync, DecideStepAsync));
        foreach (var dialog in _questions.Dialogs())
        {
            AddDialog(dialog);
        }
    }

    /// <summary>Begins with the sentence the member said, if any, and the photos sent with it.</summary>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var photos = Images(dc.Context.Activity);
        var draft = new ReportDraft { Sentence = (options as ReportOptions)?.Sentence, Photos = photos, PhotoAsked = photos.Count > 0 };
        return base.BeginDialogAsync(dc, draft, cancellationToken);
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<ClaimTexts>().ReportHelp;
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.State.ChoosingField)
        {
            return await step.BeginDialogAsync(nameof(ReportQuestion.Field), step.State, cancellationToken);
        }

        if (await CurrentMember.RequireAsync(_members, step.Context, step.Texts<ConversationTexts>(), cancellationToken) is null)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (step.State.Sentence is { } sentence)
        {
            step.State = await _questions.AbsorbSentenceAsync(step.DialogContext, step.State with { Sentence = null }, sentence, cancellationToken);
        }

        if (await _checks.CheckAsync(step.DialogContext, step.State, cancellationToken) is not { } draft)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = draft;
        return draft.Question is { } question
            ? await step.BeginDialogAsync(question.ToString(), draft, cancellationToken)
            : await step.NextAsync(cancellationToken);
    }

    private async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        // Back from a question: ask the next one, or stop where the member declined to go on.
        if (step.Reason == DialogReason.EndCalled)
        {
            return step.Result is ReportDraft answered
                ? await step.ReplaceDialogAsync(Waterfall, answered, cancellationToken)
                : await step.EndDialogAsync(cancellationToken);
        }

        var texts = step.Texts<ClaimTexts>();
        var rule = await _rules.GetAsync(step.State.RuleId!.Value, cancellationToken);
        return await step.PromptAsync(
            nameof(ChoicePrompt),
            new PromptOptions { Prompt = ReportSummary.Text(step.State, rule is null ? string.Empty : RuleNames.Of(rule, step.Language), texts), Choices = ReportSummary.Decisions(texts), Style = ListStyle.SuggestedActions },
            cancellationToken);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext<ReportDraft> step, CancellationToken cancellationToken)
    {
        switch ((step.Result as FoundChoice)?.Value)
        {
            case "submit":
                return await _submission.SubmitAsync(step, Waterfall, await _days.ZoneAsync(step.Context, step.UserLocale.TimeZone, cancellationToken), cancellationToken);
            case "change":
                return await step.ReplaceDialogAsync(Waterfall, step.State with { ChoosingField = true }, cancellationToken);
            default:
                await step.Context.SendTextAsync(step.Texts<ClaimTexts>().ReportCancelled, cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
        }
    }

    private static List<NewClaimAttachment> Images(Activity activity) =>
        [.. (activity.Attachments ?? [])
            .Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(a => new NewClaimAttachment(a.ContentType!, a.ContentUrl, a.Name))];
}
