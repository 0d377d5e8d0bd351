using ChatReport.Dialogs.Engine;

namespace ChatReport.Conversation.Commands;

/// <summary>
/// Gets a message no command recognized, from a member, before the root dialog shows its menu:
/// the report feature takes "昨天下午在村口扫雪" as a report without the word 申报.
/// </summary>
public interface IUnmatchedTextHandler
{
    /// <summary>The dialog to begin (the root dialog adds it once, even when it is also a command's).</summary>
    Dialog Dialog { get; }

    /// <summary>The options to begin <see cref="Dialog"/> with when <paramref name="text"/> is this handler's, else null.</summary>
    /// <param name="dc">The root dialog's context.</param>
    /// <param name="text">The message in <c>TextNormalizer.ForMatching</c> form.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The match, or null.</returns>
    Task<CommandMatch?> MatchAsync(DialogContext dc, string text, CancellationToken cancellationToken);
}
