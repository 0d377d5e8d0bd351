using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>Asks one prompt and ends with its answer, so prompt tests can check the typed result.</summary>
public sealed class AskDialog : ComponentDialog
{
    public AskDialog(Dialog prompt, PromptOptions options)
        : base(nameof(AskDialog))
    {
        AddDialog(new WaterfallDialog<NoState>(
            nameof(WaterfallDialog),
            () => new NoState(),
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct)));
        AddDialog(prompt);
    }

    /// <summary>A flow whose root asks <paramref name="prompt"/> once with <paramref name="options"/>.</summary>
    public static DialogTestFlow Flow(Func<TimeProvider, Dialog> prompt, PromptOptions options) =>
        new(time => new AskDialog(prompt(time), options));

    /// <summary>A flow whose root asks <paramref name="prompt"/> with just a question.</summary>
    public static DialogTestFlow Flow(Func<TimeProvider, Dialog> prompt, string question) =>
        Flow(prompt, new PromptOptions { Prompt = question });
}
