using System.Collections.Concurrent;
using System.Text.Json;
using ChatReport.Bot.Messaging;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Tests.Support;

/// <summary>
/// A bot that shows what it received: it echoes text, acknowledges card submits, welcomes new
/// members, answers <c>adaptiveCard/action</c> invokes, and throws on "boom".
/// </summary>
public sealed class EchoBot : IBot
{
    private readonly ConcurrentQueue<Activity> _seen = new();

    public IReadOnlyList<Activity> Seen => [.. _seen];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        _seen.Enqueue(activity);
        switch (activity.Type)
        {
            case ActivityTypes.Message when string.Equals(activity.Text, "boom", StringComparison.Ordinal):
                throw new InvalidOperationException("The test bot was asked to fail.");
            case ActivityTypes.Message when string.IsNullOrEmpty(activity.Text) && activity.Value is { ValueKind: JsonValueKind.Object } value:
                await turnContext.SendTextAsync($"submitted: {value.GetRawText()}", cancellationToken);
                break;
            case ActivityTypes.Message:
                await turnContext.SendTextAsync($"echo: {activity.Text}", cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate:
                foreach (var member in activity.MembersAdded ?? [])
                {
                    if (!string.Equals(member.Id, activity.Recipient?.Id, StringComparison.Ordinal))
                    {
                        await turnContext.SendTextAsync($"welcome {member.Name}", cancellationToken);
                    }
                }

                break;
            case ActivityTypes.Invoke when string.Equals(activity.Name, "adaptiveCard/action", StringComparison.Ordinal):
                var verb = activity.Value?.GetProperty("action").GetProperty("verb").GetString();
                await turnContext.SendActivityAsync(
                    InvokeResponse.Create(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = $"done: {verb}" }).ToActivity(),
                    cancellationToken);
                break;
        }
    }
}
