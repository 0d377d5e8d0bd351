namespace ChatReport.Bot.Channels.WeChat;

/// <summary>The query of an Official Account callback POST.</summary>
public sealed record WeChatCallback(string? Signature, string? Timestamp, string? Nonce, string? EncryptType, string? MessageSignature);
