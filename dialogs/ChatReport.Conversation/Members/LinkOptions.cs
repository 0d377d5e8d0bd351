namespace ChatReport.Conversation.Members;

/// <summary>How the link dialog begins: with a link code to redeem, or none to issue one.</summary>
/// <param name="Code">The six digits typed after 绑定, or null to issue a code for the sender.</param>
public sealed record LinkOptions(string? Code);
