namespace ChatReport.Bot.Notices;

public enum NoticeFormat
{
    /// <summary>Comma-separated, UTF-8 with a byte-order mark so that Excel reads the Chinese correctly.</summary>
    Csv,

    /// <summary>An Excel workbook: the notice on one sheet, every item on another.</summary>
    Xlsx,

    /// <summary>An A4 PDF to print and pin to the notice board, with an embedded Chinese font.</summary>
    Pdf,
}
