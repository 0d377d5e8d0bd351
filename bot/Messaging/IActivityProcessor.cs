using ChatReport.Bot.Authentication;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Runs one authenticated inbound activity through the middleware pipeline and the bot. Both
/// <c>POST /api/messages</c> and the local Direct Line channel enter here.
/// </summary>
public interface IActivityProcessor
{
    Task<TurnOutcome> ProcessAsync(Activity activity, AuthenticationOutcome authentication, CancellationToken cancellationToken);
}
