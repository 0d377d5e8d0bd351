namespace ChatReport.Conversation.Members;

/// <summary>The join waterfall's state.</summary>
/// <param name="Code">The join code once known.</param>
/// <param name="SuggestedName">The channel's display name, offered for confirmation.</param>
/// <param name="Name">The name confirmed or typed (normalised), or the roster name a personal code is for.</param>
/// <param name="IsPersonal">True when the code is a personal code: no name is asked.</param>
public sealed record JoinState(string? Code, string? SuggestedName, string? Name, bool IsPersonal = false);
