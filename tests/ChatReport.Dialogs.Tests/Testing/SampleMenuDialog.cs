using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Interruptions;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>
/// A miniature root dialog: it reads the message that began it as a command (申报 begins the
/// sample report, 我的积分 answers at once, anything else gets a short introduction).
/// </summary>
public sealed class SampleMenuDialog : ComponentDialog, ITopLevelCommandRecognizer
{
    public SampleMenuDialog(TimeProvider timeProvider)
        : base(nameof(SampleMenuDialog))
    {
        AddDialog(new WaterfallDialog<NoState>(nameof(WaterfallDialog), () => new NoState(), CommandStepAsync, DoneStepAsync));
        AddDialog(new SampleReportDialog(timeProvider));
    }

    public bool IsTopLevelCommand(DialogContext dc, string text) => text is "申报" or "我的积分";

    private static async Task<DialogTurnResult> CommandStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        switch (TextNormalizer.ForMatching(step.Context.Activity.Text))
        {
            case "申报":
                return await step.BeginDialogAsync(nameof(SampleReportDialog), cancellationToken);
            case "我的积分":
                await step.Context.SendTextAsync("你本季度有 12 分。", cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            default:
                await step.Context.SendTextAsync("我可以帮你申报积分，说“申报”开始。", cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
        }
    }

    private static Task<DialogTurnResult> DoneStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result, cancellationToken);
}
