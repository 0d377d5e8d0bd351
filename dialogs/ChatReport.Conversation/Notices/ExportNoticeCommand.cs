using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Notices;

/// <summary>导出公示 2026Q4 [excel|csv|pdf] / export notice 2026Q4 [xlsx|csv|pdf]: the quarter's notice as a file; without a quarter, the last one that ended.</summary>
public sealed partial class ExportNoticeCommand(ExportNoticeDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => NoticeTexts.ForLanguage(language).HelpExport;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        QuarterText.TryFind(match.Groups["rest"].Value, out var quarter, out var left);
        NoticeExportFormat? format = left.ToUpperInvariant() switch
        {
            "" or "EXCEL" or "XLSX" or "表格" => NoticeExportFormat.Xlsx,
            "CSV" => NoticeExportFormat.Csv,
            "PDF" or "打印" or "打印版" => NoticeExportFormat.Pdf,
            _ => null,
        };
        return format is { } known ? new CommandMatch(new ExportNoticeOptions(quarter, known)) : null;
    }

    [GeneratedRegex(@"^(?:导出公示|公示导出|导出|export notice|export)(?<rest>\s*.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
