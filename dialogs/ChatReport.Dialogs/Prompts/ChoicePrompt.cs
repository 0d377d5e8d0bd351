using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown as buttons or a
/// numbered list (<see cref="PromptOptions.Style"/>); ends with the <see cref="FoundChoice"/>.
/// Matching is described on <see cref="ChoiceRecognition"/>.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    /// <summary>Creates the prompt.</summary>
    public ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null)
        : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override void CheckOptions(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"Choice prompt '{Id}' needs at least one choice.", nameof(options));
        }
    }

    /// <inheritdoc />
    protected override Task<PromptRecognition<FoundChoice>> OnRecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognition.Recognize(dc.Context.Activity.Text, options.Choices!);
        return Task.FromResult(found is null ? default : new PromptRecognition<FoundChoice>(found));
    }

    /// <inheritdoc />
    protected override string DefaultRetryPrompt(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<EngineTexts>().ChoiceRetry;
    }

    /// <inheritdoc />
    protected override Activity DecoratePrompt(DialogContext dc, PromptOptions options, Activity reply, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        return ChoiceRendering.Render(reply, options.Choices!, options.Style, dc.Texts<EngineTexts>());
    }
}
