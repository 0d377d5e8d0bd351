using System.Text.Json;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// What the channel hears back on the inbound HTTP request: 200 with no body for ordinary
/// activities, the invoke response for invokes, <c>{"activities":[…]}</c> for expectReplies.
/// </summary>
public sealed record TurnOutcome(int StatusCode, JsonElement? Body)
{
    public static TurnOutcome Ok { get; } = new(200, null);
}
