namespace ChatReport.Conversation.Members;

/// <summary>How the join dialog begins: with the code typed after 加入, if any.</summary>
/// <param name="Code">The join code, or null to ask for it.</param>
public sealed record JoinOptions(string? Code);
