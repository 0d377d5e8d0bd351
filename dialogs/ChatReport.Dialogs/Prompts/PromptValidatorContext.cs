using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Prompts;

/// <summary>What a validator gets: the recognized value and where the prompt stands.</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(DialogContext dialogContext, T value, int attemptCount, PromptOptions options)
    {
        DialogContext = dialogContext;
        Value = value;
        AttemptCount = attemptCount;
        Options = options;
    }

    /// <summary>The context of the stack the prompt is on.</summary>
    public DialogContext DialogContext { get; }

    /// <summary>The turn.</summary>
    public ITurnContext Context => DialogContext.Context;

    /// <summary>The language to word a rejection in.</summary>
    public ReplyLanguage Language => DialogContext.Language;

    /// <summary>The recognized value.</summary>
    public T Value { get; }

    /// <summary>How many answers the user has given to this prompt, this one included (1 on the first).</summary>
    public int AttemptCount { get; }

    /// <summary>The prompt's options.</summary>
    public PromptOptions Options { get; }
}
