namespace ChatReport.Conversation.Notices;

/// <summary>What 导出公示 said.</summary>
/// <param name="Quarter">The quarter named, or null for the last quarter that ended.</param>
/// <param name="Format">The file format; a workbook unless csv was asked for.</param>
public sealed record ExportNoticeOptions(QuarterId? Quarter, NoticeExportFormat Format);
