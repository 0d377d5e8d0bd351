using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Dialogs.Prompts;

/// <summary>Asks for free text; ends with the message text, trimmed. A message without text (a photo alone) is asked again.</summary>
public sealed class TextPrompt : Prompt<string>
{
    /// <summary>Creates the prompt.</summary>
    public TextPrompt(string id, PromptValidator<string>? validator = null)
        : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override Task<PromptRecognition<string>> OnRecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var text = dc.Context.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text) ? default : new PromptRecognition<string>(text));
    }

    /// <inheritdoc />
    protected override string DefaultRetryPrompt(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<EngineTexts>().TextRetry;
    }
}
