namespace ChatReport.Bot.DirectLine;

/// <summary>The Connector's AttachmentInfo: what views of an attachment exist (here only "original").</summary>
public sealed record ConnectorAttachmentInfo(string? Name, string Type, IReadOnlyList<ConnectorAttachmentView> Views);
