namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// The query of a WeChat or WeCom callback. WeCom signs everything with <c>msg_signature</c>; an
/// Official Account signs with <c>signature</c>, and in safe mode the ciphertext with <c>msg_signature</c> too.
/// </summary>
public sealed record WeChatFamilyCallback(string? Signature, string? MessageSignature, string? Timestamp, string? Nonce, string? EncryptType, string? Echo);
