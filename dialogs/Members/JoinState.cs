namespace ChatReport.Dialogs.Members;

/// <summary>The join waterfall's state.</summary>
/// <param name="Code">The join code once known.</param>
/// <param name="SuggestedName">The channel's display name, offered for confirmation.</param>
/// <param name="Name">The name confirmed or typed.</param>
public sealed record JoinState(string? Code, string? SuggestedName, string? Name);
