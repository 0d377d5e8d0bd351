using ChatReport.Bot.Connector;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Tests.Conformance;

/// <summary>
/// The echo bot plus commands that exercise every Connector operation, so that the JS channel
/// sees each kind of call the bot can make: "edit" (send, update, delete), "members",
/// "dm" (create a 1:1 conversation and post into it) and "typing".
/// </summary>
public sealed class ConformanceBot(ConnectorClient connector, ProactiveMessenger messenger) : IBot
{
    private readonly EchoBot _echo = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.IsType(ActivityTypes.Message) ? activity.Text : null)
        {
            case "edit":
                // A sent activity's id exists only once the channel has it, and turns send after
                // their commit; a bot that edits in the same turn sends the draft itself.
                var draft = await connector.ReplyToActivityAsync(
                    activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id!, activity.CreateReply("draft") with { ChannelId = activity.ChannelId }, cancellationToken);
                await turnContext.UpdateActivityAsync(activity.CreateReply("final") with { Id = draft.Id }, cancellationToken);
                await turnContext.DeleteActivityAsync(draft.Id!, cancellationToken);
                break;
            case "members":
                var members = await connector.GetConversationMembersAsync(activity.ServiceUrl!, activity.Conversation!.Id!, cancellationToken);
                await turnContext.SendTextAsync($"members: {string.Join(",", members.Select(m => m.Id))}", cancellationToken);
                break;
            case "dm":
                await messenger.CreateConversationAsync(
                    activity.GetConversationReference(), activity.From!, (turn, ct) => turn.SendTextAsync("private hello", ct), cancellationToken);
                break;
            case "typing":
                await turnContext.SendTypingAsync(cancellationToken);
                await turnContext.SendTextAsync("done typing", cancellationToken);
                break;
            default:
                await _echo.OnTurnAsync(turnContext, cancellationToken);
                break;
        }
    }
}
