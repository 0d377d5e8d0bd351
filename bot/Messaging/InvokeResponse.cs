using System.Text.Json;
using ChatReport.Bot.Connector;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// The HTTP answer to an <c>invoke</c> activity. A bot produces it the way the SDK does: by
/// sending an activity of type <see cref="ActivityType"/> whose value is this record, which the
/// turn context keeps instead of sending.
/// </summary>
public sealed record InvokeResponse(int Status, JsonElement? Body)
{
    public const string ActivityType = "invokeResponse";

    public Activity ToActivity() => new()
    {
        Type = ActivityType,
        Value = JsonSerializer.SerializeToElement(this, BotJson.Options),
    };

    public static InvokeResponse Create<T>(int status, T body) =>
        new(status, JsonSerializer.SerializeToElement(body, BotJson.Options));
}
