using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Bot.Cli;
using ChatReport.Conversation.Notices;

namespace ChatReport.Bot.Notices;

/// <summary>
/// <c>export-notice --unit 12 --quarter 2026Q4 [--format xlsx|csv|pdf] [--out file] [--lang zh-CN|en]</c>:
/// writes a branch's quarterly notice. The format defaults to the extension of --out, else xlsx;
/// the file defaults to the notice's own name in the working directory.
/// </summary>
public sealed partial class ExportNoticeCliCommand(QuarterNoticeService notices) : ICliCommand
{
    public string Name => "export-notice";

    public string Usage => "export-notice --unit <id> --quarter 2026Q4 [--format xlsx|csv|pdf] [--out <file>] [--lang zh-CN|en]";

    public string Summary => "Writes a branch's quarterly public notice as an Excel workbook, CSV or a printable PDF.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "unit", "quarter", "format", "out", "lang");
        var unitText = arguments.Require("unit");
        if (!long.TryParse(unitText, NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
        {
            throw new CliUsageException($"--unit takes the unit's number, not '{unitText}'.");
        }

        var quarterText = arguments.Require("quarter");
        var quarterMatch = QuarterPattern().Match(quarterText);
        if (!quarterMatch.Success)
        {
            throw new CliUsageException($"--quarter takes a year and a quarter like 2026Q4, not '{quarterText}'.");
        }

        var year = int.Parse(quarterMatch.Groups["year"].Value, CultureInfo.InvariantCulture);
        var quarter = int.Parse(quarterMatch.Groups["quarter"].Value, CultureInfo.InvariantCulture);
        var outPath = arguments.Get("out");
        var format = (arguments.Get("format") ?? Path.GetExtension(outPath ?? ".xlsx").TrimStart('.')).ToUpperInvariant() switch
        {
            "CSV" => NoticeExportFormat.Csv,
            "XLSX" => NoticeExportFormat.Xlsx,
            "PDF" => NoticeExportFormat.Pdf,
            var other => throw new CliUsageException($"--format is csv, xlsx or pdf, not '{other.ToLowerInvariant()}'."),
        };
        if (format == NoticeExportFormat.Pdf && !notices.CanWritePdf)
        {
            throw new CliFailureException("No Chinese TrueType font for the PDF: install fonts-wqy-microhei (apt-get install fonts-wqy-microhei) or set --Notice:FontPath.");
        }

        var file = await notices.ExportAsync(unitId, year, quarter, format, arguments.Get("lang") ?? "zh-CN", cancellationToken)
            ?? throw new CliFailureException($"There is no unit {unitId}, or no points cycle for {year}.");
        var path = Path.GetFullPath(outPath ?? file.FileName);
        await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {path} ({file.Content.Length:N0} bytes)"));
        return CliExitCode.Success;
    }

    [GeneratedRegex(@"^\s*(?<year>\d{4})\s*-?\s*[Qq](?<quarter>[1-4])\s*$")]
    private static partial Regex QuarterPattern();
}
