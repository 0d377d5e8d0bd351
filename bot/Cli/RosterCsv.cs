using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.Exceptions;

namespace ChatReport.Bot.Cli;

/// <summary>
/// Reads a roster CSV with MiniExcel: commas, quoted cells with "" for a quote and line breaks
/// inside quotes, CRLF or LF, a byte-order mark or none; blank lines are skipped. MiniExcel
/// reports no line numbers, so the file is read through a reader that counts the physical lines
/// MiniExcel takes: when a record comes out, that count is the line it ends on, and the line
/// breaks inside its cells say how many lines before that it began.
/// </summary>
public static class RosterCsv
{
    // Strict UTF-8 (a BOM is fine): a GBK file would otherwise import garbled names.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every record of the file, the header first, read completely before anything is imported.</summary>
    /// <exception cref="RosterFileException">The file is missing, unreadable, not UTF-8, or has a row with fewer cells than the header.</exception>
    public static IReadOnlyList<RosterCsvRow> Read(string path, CancellationToken cancellationToken)
    {
        LineCountingReader? reader = null;
        var configuration = new CsvConfiguration
        {
            // MiniExcel joins the physical lines of a quoted cell with this: one \n per line taken.
            NewLine = "\n",
            StreamReaderFunc = stream => reader = new LineCountingReader(stream),
        };
        var rows = new List<RosterCsvRow>();
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            foreach (IDictionary<string, object?> record in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.CSV, configuration: configuration))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cells = record.Values.Select(v => v as string ?? "").ToArray();
                var last = reader!.LinesRead;
                rows.Add(new RosterCsvRow(last - LineBreaks(cells), last, cells));
            }
        }
        catch (ExcelColumnNotFoundException ex)
        {
            // MiniExcel refuses a row shorter than the first one, and stops there.
            var cells = (ex.RowValues as IDictionary<string, object>)?.Values.Select(v => v as string ?? "").ToArray() ?? [];
            var line = reader!.LinesRead - LineBreaks(cells);
            throw new RosterFileException(string.Create(
                CultureInfo.InvariantCulture,
                $"{path} line {line} has {cells.Length} cells where the header has {ex.Headers.Count}; nothing was imported. Give every row the columns branch,name,role (an empty role is member)."), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw new RosterFileException(ex is DecoderFallbackException
                ? $"{path} is not UTF-8 text; save it as \"CSV UTF-8\"."
                : $"{path} cannot be read: {ex.Message}", ex);
        }

        return rows;
    }

    private static int LineBreaks(IEnumerable<string> cells) => cells.Sum(c => c.Count(ch => ch == '\n'));

    /// <summary>MiniExcel reads CSV with ReadLine only; counting those calls gives the physical line.</summary>
    private sealed class LineCountingReader(Stream stream) : StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true)
    {
        public int LinesRead { get; private set; }

        public override string? ReadLine()
        {
            var line = base.ReadLine();
            LinesRead += line is null ? 0 : 1;
            return line;
        }
    }
}
