using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question with 是/否 (Yes/No) buttons; ends with <c>true</c> or <c>false</c>.
/// Understands the words on <see cref="ConfirmRecognition"/> and the button numbers 1 and 2.
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    /// <summary>Creates the prompt.</summary>
    public ConfirmPrompt(string id, PromptValidator<bool>? validator = null)
        : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override Task<PromptRecognition<bool>> OnRecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var text = dc.Context.Activity.Text;
        var answer = ConfirmRecognition.Recognize(text) ?? TextNormalizer.ForMatching(text) switch
        {
            "1" => true,
            "2" => false,
            _ => (bool?)null,
        };
        return Task.FromResult(answer is { } value ? new PromptRecognition<bool>(value) : default);
    }

    /// <inheritdoc />
    protected override string DefaultRetryPrompt(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<EngineTexts>().ConfirmRetry;
    }

    /// <inheritdoc />
    protected override Activity DecoratePrompt(DialogContext dc, PromptOptions options, Activity reply, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        var texts = dc.Texts<EngineTexts>();
        return ChoiceRendering.Render(reply, [new Choice(texts.Yes), new Choice(texts.No)], options.Style, texts);
    }
}
