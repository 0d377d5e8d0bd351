using System.Collections.Frozen;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Interruptions;

/// <summary>
/// 取消 / 退出 / cancel / quit (the whole message, trimmed, any width, either script, any case):
/// cancels every dialog and says so; with nothing in progress it says there is nothing to cancel.
/// </summary>
public sealed class CancelInterruptionHandler : IInterruptionHandler
{
    /// <summary>The messages that cancel, in <see cref="TextNormalizer.ForMatching"/> form.</summary>
    public static FrozenSet<string> Words { get; } =
        new[] { "取消", "退出", "取消吧", "退出吧", "不做了", "不弄了", "不报了", "结束", "停止", "cancel", "quit", "exit", "stop", "abort" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task<bool> InterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!Words.Contains(TextNormalizer.ForMatching(dc.Context.Activity.Text)))
        {
            return false;
        }

        var texts = dc.Texts<EngineTexts>();
        if (dc.Stack.Count == 0)
        {
            await dc.Context.SendTextAsync(texts.NothingToCancel, cancellationToken);
            return true;
        }

        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.Context.SendTextAsync(texts.Cancelled, cancellationToken);
        return true;
    }
}
