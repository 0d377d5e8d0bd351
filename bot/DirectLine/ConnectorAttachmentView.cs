namespace ChatReport.Bot.DirectLine;

/// <summary>One view of an attachment and its size in bytes.</summary>
public sealed record ConnectorAttachmentView(string ViewId, int Size);
