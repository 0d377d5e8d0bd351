using System.Globalization;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>What a sample report knows so far; also its options (what was understood up front).</summary>
public sealed record SampleReport(DateTimeResolution? When = null, string? Place = null, int? Points = null);

/// <summary>How a sample report ended.</summary>
public sealed record SampleReportResult(bool Submitted, SampleReport Report);

/// <summary>
/// A miniature of the member report dialog, built the way the real ones will be: a component
/// owning its prompts and one waterfall whose steps are declared in the order they run, skipping
/// the questions whose answers came in the options. (Test code: its texts are inline.)
/// </summary>
public sealed class SampleReportDialog : ComponentDialog
{
    public const int MaxPoints = 10;

    public SampleReportDialog(TimeProvider timeProvider)
        : base(nameof(SampleReportDialog))
    {
        AddDialog(new WaterfallDialog<SampleReport>(
            nameof(WaterfallDialog),
            () => new SampleReport(),
            WhenStepAsync,
            PlaceStepAsync,
            PointsStepAsync,
            ConfirmStepAsync,
            FinishStepAsync));
        AddDialog(new DateTimePrompt(nameof(DateTimePrompt), timeProvider));
        AddDialog(new TextPrompt(nameof(TextPrompt)));
        AddDialog(new NumberPrompt<int>(nameof(NumberPrompt<int>), PointsPromptValidatorAsync));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    public override string? GetHelpText(DialogContext dc) => "你正在申报积分。";

    private static async Task<DialogTurnResult> WhenStepAsync(WaterfallStepContext<SampleReport> step, CancellationToken cancellationToken)
    {
        if (step.State.When is { } known)
        {
            return await step.NextAsync(known, cancellationToken);
        }

        return await step.PromptAsync(
            nameof(DateTimePrompt),
            new PromptOptions { Prompt = "什么时候做的？", Help = "可以说“昨天下午”或“10月8日”。" },
            cancellationToken);
    }

    private static async Task<DialogTurnResult> PlaceStepAsync(WaterfallStepContext<SampleReport> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { When = (DateTimeResolution)step.Result! };
        if (step.State.Place is { } known)
        {
            return await step.NextAsync(known, cancellationToken);
        }

        return await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = "在哪里？" }, cancellationToken);
    }

    private static async Task<DialogTurnResult> PointsStepAsync(WaterfallStepContext<SampleReport> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { Place = (string)step.Result! };
        if (step.State.Points is { } known)
        {
            return await step.NextAsync(known, cancellationToken);
        }

        return await step.PromptAsync(nameof(NumberPrompt<int>), new PromptOptions { Prompt = "申报几分？" }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<SampleReport> step, CancellationToken cancellationToken)
    {
        step.State = step.State with { Points = (int)step.Result! };
        var day = step.State.When!.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await step.PromptAsync(
            nameof(ConfirmPrompt),
            new PromptOptions { Prompt = $"确认提交：{day} 在{step.State.Place}，{step.State.Points} 分？" },
            cancellationToken);
    }

    private static async Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext<SampleReport> step, CancellationToken cancellationToken) =>
        await step.EndDialogAsync(new SampleReportResult((bool)step.Result!, step.State), cancellationToken);

    private static Task<PromptValidation> PointsPromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Value is > 0 and <= MaxPoints
            ? PromptValidation.Accept
            : PromptValidation.Reject($"最多 {MaxPoints} 分，请重新输入。"));
}
