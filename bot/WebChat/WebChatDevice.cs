namespace ChatReport.Bot.WebChat;

/// <summary>One signed-in browser in "my devices".</summary>
/// <param name="Id">Its id, for signing it out.</param>
/// <param name="SignedInAt">When it signed in.</param>
/// <param name="LastSeenAt">Its latest visit.</param>
/// <param name="UserAgent">What the browser said it is.</param>
/// <param name="Current">True for the browser asking.</param>
public sealed record WebChatDevice(string Id, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, string? UserAgent, bool Current);
