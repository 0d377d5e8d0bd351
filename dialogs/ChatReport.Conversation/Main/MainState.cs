namespace ChatReport.Conversation.Main;

/// <summary>The root waterfall's step state: it keeps nothing between turns.</summary>
public sealed record MainState;
