using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// What a prompt asks and how. Stored with the prompt while it waits, so it must serialize:
/// keep it to texts, choices and attachments. Texts come from the caller's text table in
/// <c>dc.Language</c>.
/// </summary>
public sealed record PromptOptions
{
    /// <summary>The question.</summary>
    public required string Prompt { get; init; }

    /// <summary>Said when the answer was not understood; the prompt's default retry text when null.</summary>
    public string? RetryPrompt { get; init; }

    /// <summary>What "help" says about this question (可以说“昨天下午”或“10月8日”), or null.</summary>
    public string? Help { get; init; }

    /// <summary>Cards or files sent with the question (not with retries), such as a summary card.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>The options of a choice prompt.</summary>
    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>How choices (and a confirm prompt's yes/no) are shown.</summary>
    public ListStyle Style { get; init; } = ListStyle.Auto;

    /// <summary>An attachment prompt also accepts "跳过"/"skip" and then returns no attachments.</summary>
    public bool AllowSkip { get; init; }

    /// <summary>
    /// After this many answers that were not understood or were rejected, the prompt says so and
    /// cancels the conversation's dialogs, so nobody is stuck; null asks forever.
    /// </summary>
    public int? MaxAttempts { get; init; }
}
