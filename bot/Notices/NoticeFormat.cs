namespace ChatReport.Bot.Notices;

public enum NoticeFormat
{
    /// <summary>Comma-separated, UTF-8 with a byte-order mark so that Excel reads the Chinese correctly.</summary>
    Csv,

    /// <summary>An Excel workbook: the notice on one sheet, every item on another.</summary>
    Xlsx,
}
