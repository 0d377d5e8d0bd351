using ChatReport.Dialogs.Engine;

namespace ChatReport.Dialogs.Interruptions;

/// <summary>
/// Looks at a message before the dialog stack sees it, at any depth: the runner asks its
/// handlers in order and stops at the first that handles the message.
/// </summary>
public interface IInterruptionHandler
{
    /// <summary>
    /// Handles the message on <paramref name="dc"/> (the root context) if it is this handler's
    /// business. True ends the turn; false lets the runner go on (continue the stack, or begin the
    /// root dialog if the stack is now empty): a handler may change the stack and still return false.
    /// </summary>
    Task<bool> InterruptAsync(DialogContext dc, CancellationToken cancellationToken);
}
