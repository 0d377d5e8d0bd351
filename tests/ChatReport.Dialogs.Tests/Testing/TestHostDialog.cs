using ChatReport.Dialogs.Engine;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>A root that begins one dialog with the given options and ends with its result.</summary>
public sealed class TestHostDialog : ComponentDialog
{
    private readonly object? _options;

    public TestHostDialog(Dialog target, object? options)
        : base(nameof(TestHostDialog))
    {
        AddDialog(target);
        _options = options;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        base.BeginDialogAsync(dc, _options, cancellationToken);
}
