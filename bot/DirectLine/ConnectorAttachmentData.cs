namespace ChatReport.Bot.DirectLine;

/// <summary>The Connector's AttachmentData; the byte arrays travel as base64 strings.</summary>
public sealed record ConnectorAttachmentData(string? Type, string? Name, byte[]? OriginalBase64, byte[]? ThumbnailBase64);
