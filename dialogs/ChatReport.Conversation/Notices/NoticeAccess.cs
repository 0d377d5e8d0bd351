using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Notices;

/// <summary>The quarter a notice command means, and the choice of branch both notice dialogs offer.</summary>
internal static class NoticeAccess
{
    /// <summary>The named quarter, else the last one that ended; null when there is none.</summary>
    public static async Task<QuarterId?> ResolveQuarterAsync(INoticeDesk desk, QuarterId? named, CancellationToken cancellationToken) =>
        named ?? await desk.LastEndedQuarterAsync(cancellationToken);

    public static PromptOptions WhichUnit(NoticeTexts texts, IReadOnlyList<Choice> choices) =>
        new() { Prompt = texts.WhichUnit, Choices = choices, Style = ListStyle.List, MaxAttempts = 3 };

    public static long? Picked(object? result) => result is long known ? known : UnitChoices.Picked(result);
}
