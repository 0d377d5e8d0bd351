namespace ChatReport.Conversation.Notices;

/// <summary>The file formats of an exported notice.</summary>
public enum NoticeExportFormat
{
    /// <summary>An Excel workbook (导出公示 2026Q4 excel); the default.</summary>
    Xlsx = 0,

    /// <summary>Comma-separated text, UTF-8 with a byte-order mark.</summary>
    Csv = 1,

    /// <summary>An A4 PDF to print and pin to the board (导出公示 2026Q4 pdf).</summary>
    Pdf = 2,
}
