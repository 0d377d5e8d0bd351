namespace ChatReport.Bot.DirectLine;

/// <summary>A user's activity after it was stored and handed to the bot.</summary>
public sealed record PostedActivity(string Id, BotDelivery Delivery);
