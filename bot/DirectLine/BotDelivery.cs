namespace ChatReport.Bot.DirectLine;

/// <summary>What happened when an activity was handed to the bot; failures become 502 for the client.</summary>
public sealed record BotDelivery(bool Succeeded, string? ErrorCode, string? Message)
{
    public static BotDelivery Delivered { get; } = new(true, null, null);

    public static BotDelivery Failed(string code, string message) => new(false, code, message);
}
