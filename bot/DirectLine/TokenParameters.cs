using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The optional body of start-conversation and generate-token: the user the token is for, and
/// the locale (DirectLineJS sends <c>{user:{id}, locale}</c>). trustedOrigins is accepted and ignored.
/// </summary>
public sealed record TokenParameters(ChannelAccount? User, string? Locale, IReadOnlyList<string>? TrustedOrigins);
