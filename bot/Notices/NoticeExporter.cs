using System.Globalization;
using System.Text;
using ChatReport.Bot.Digests;
using ChatReport.Conversation.Notices;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace ChatReport.Bot.Notices;

/// <summary>
/// Writes a notice as CSV or as an Excel workbook, both with MiniExcel. For the workbook it
/// streams plain cells without a dependency graph or native drawing libraries, reads its own
/// output back (the tests check cells), and is maintained (ClosedXML is served only at 0.95 from
/// 2021; the Open XML SDK would need three times the code for the same two sheets).
/// </summary>
public static class NoticeExporter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<NoticeExport> ExportAsync(QuarterNotice notice, NoticeExportFormat format, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var texts = DigestTexts.ForLocale(locale);
        var name = FileName(notice);
        return format switch
        {
            NoticeExportFormat.Csv => new NoticeExport(name + ".csv", CsvContentType, await ToCsvAsync(notice, texts, cancellationToken)),
            NoticeExportFormat.Xlsx => new NoticeExport(name + ".xlsx", XlsxContentType, await ToXlsxAsync(notice, texts, cancellationToken)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a table format: the PDF comes from NoticePdfWriter."),
        };
    }

    /// <summary>The file name without extension: 山岔村党支部-2026Q4.</summary>
    public static string FileName(QuarterNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return string.Create(CultureInfo.InvariantCulture, $"{FileSafe(notice.UnitName)}-{notice.Year}Q{notice.Quarter}");
    }

    /// <summary>One line per member; the items go into the last column, so the file stays one table.</summary>
    public static async Task<byte[]> ToCsvAsync(QuarterNotice notice, DigestTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(texts);
        var width = texts.NoticeColumns.Count;
        var rows = new List<Dictionary<string, object?>> { Cells(width, [.. texts.NoticeColumns]) };
        rows.AddRange(notice.Rows.Select(r => Cells(
            width,
            Number(r.Rank), Text(r.DisplayName), Number(r.BasePoints), Number(r.Additions), Number(r.Deductions),
            Number(r.QuarterTotal), Number(r.CycleTotal), Text(string.Join(texts.IsEnglish ? "; " : "；", r.Items.Select(i => ItemText(i, texts)))))));

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(
            rows,
            printHeader: false,
            excelType: ExcelType.CSV,
            configuration: new CsvConfiguration
            {
                // Quoted only where CSV needs it (a comma, a quote, a line break), as spreadsheets write it.
                QuoteWhitespaces = false,
                NewLine = "\r\n",
                // The byte-order mark is what makes Excel read UTF-8 instead of the system code page.
                StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true),
            },
            cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    public static async Task<byte[]> ToXlsxAsync(QuarterNotice notice, DigestTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(texts);
        var summary = new List<Dictionary<string, object?>>
        {
            Cells(7, Title(notice, texts)),
            Cells(7, SignOffLine(notice, texts)),
            Cells(7, [.. texts.NoticeColumns.Take(7)]),
        };
        summary.AddRange(notice.Rows.Select(r => Cells(7, r.Rank, r.DisplayName, r.BasePoints, r.Additions, r.Deductions, r.QuarterTotal, r.CycleTotal)));

        var items = new List<Dictionary<string, object?>> { Cells(5, [.. texts.ItemColumns]) };
        items.AddRange(notice.Rows.SelectMany(r => r.Items.Select(i => Cells(
            5, r.DisplayName, i.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), texts.KindName(i.Kind), i.Points, ItemWhat(i, texts)))));

        var sheets = new Dictionary<string, object>
        {
            [texts.NoticeSheet] = summary,
            [texts.ItemsSheet] = items,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(
            sheets,
            printHeader: false,
            excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true, AutoFilter = false },
            cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    public static string Title(QuarterNotice notice, DigestTexts texts)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(texts);
        return texts.NoticeTitle(notice.UnitName, notice.Year, notice.Quarter);
    }

    public static string SignOffLine(QuarterNotice notice, DigestTexts texts)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(texts);
        return notice.SignedOn is { } signedOn
            ? texts.NoticeSignedFooter(notice.SignedByName ?? "", signedOn)
            : texts.NotSignedOff;
    }

    public static string ItemText(NoticeItem item, DigestTexts texts)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(texts);
        return string.Create(CultureInfo.InvariantCulture, $"{item.OccurredOn:MM-dd} {ItemWhat(item, texts)} {texts.Points(item.Points)}");
    }

    private static string ItemWhat(NoticeItem item, DigestTexts texts)
    {
        var what = item.What.For(texts.IsEnglish);
        return item.Corrects is { } corrects ? $"{what}（{texts.CorrectionOf(corrects.EntryId, corrects.Quarter)}）" : what;
    }

    private static Dictionary<string, object?> Cells(int width, params object?[] values)
    {
        // Every row names every column: the workbook writer takes its columns from the first row.
        var row = new Dictionary<string, object?>(width);
        for (var i = 0; i < width; i++)
        {
            row[((char)('A' + i)).ToString()] = i < values.Length ? values[i] : null;
        }

        return row;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Names and descriptions are typed by members: a leading = + - @ would make Excel run a
    // formula (CSV injection), so such a cell starts with an apostrophe, as Excel itself does.
    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string FileSafe(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c));
}
