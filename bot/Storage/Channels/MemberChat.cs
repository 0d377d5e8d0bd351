namespace ChatReport.Bot.Storage.Channels;

/// <summary>A member's personal chat with the bot, found through their linked channel accounts.</summary>
/// <param name="UnitId">The unit the member is reached for (the branch reviewed or administered).</param>
/// <param name="MemberId">The member.</param>
/// <param name="DisplayName">The member's name.</param>
/// <param name="Chat">Their personal conversation.</param>
/// <param name="Locale">The conversation's last known locale.</param>
public sealed record MemberChat(long UnitId, long MemberId, string DisplayName, GroupAddress Chat, string? Locale);
