namespace ChatReport.Conversation.Commands;

/// <summary>A recognized command: the options its dialog begins with (a record, or null).</summary>
/// <param name="Options">Passed to the command's dialog as its begin options.</param>
public sealed record CommandMatch(object? Options)
{
    /// <summary>A match that begins the dialog with no options.</summary>
    public static CommandMatch NoOptions { get; } = new((object?)null);
}
