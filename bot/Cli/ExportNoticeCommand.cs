using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Bot.Notices;

namespace ChatReport.Bot.Cli;

/// <summary>
/// <c>export-notice --unit 12 --quarter 2026Q4 [--format xlsx|csv] [--out file] [--lang zh|en]</c>:
/// writes a branch's quarterly notice. The format defaults to the extension of --out, else xlsx;
/// the file defaults to the notice's own name in the working directory.
/// </summary>
internal static partial class ExportNoticeCommand
{
    public const string Name = "export-notice";

    public static Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> Parse(CommandArguments arguments)
    {
        var unitText = arguments.Require("unit", "12");
        if (!long.TryParse(unitText, NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
        {
            throw new CommandLineException($"--unit takes the unit's number, not '{unitText}'.");
        }

        var quarterText = arguments.Require("quarter", "2026Q4");
        var quarterMatch = QuarterPattern().Match(quarterText);
        if (!quarterMatch.Success)
        {
            throw new CommandLineException($"--quarter takes a year and a quarter like 2026Q4, not '{quarterText}'.");
        }

        var year = int.Parse(quarterMatch.Groups["year"].Value, CultureInfo.InvariantCulture);
        var quarter = int.Parse(quarterMatch.Groups["quarter"].Value, CultureInfo.InvariantCulture);
        var outPath = arguments.Get("out");
        var format = (arguments.Get("format") ?? Path.GetExtension(outPath ?? ".xlsx").TrimStart('.')).ToUpperInvariant() switch
        {
            "CSV" => NoticeFormat.Csv,
            "XLSX" => NoticeFormat.Xlsx,
            var other => throw new CommandLineException($"--format is csv or xlsx, not '{other.ToLowerInvariant()}'."),
        };
        var locale = arguments.Get("lang") ?? "zh-CN";

        return async (services, output, cancellationToken) =>
        {
            var notices = services.GetRequiredService<QuarterNoticeService>();
            var file = await notices.ExportAsync(unitId, year, quarter, format, locale, cancellationToken)
                ?? throw new CommandLineException($"There is no unit {unitId}, or no points cycle for {year}.");
            var path = Path.GetFullPath(outPath ?? file.FileName);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {path} ({file.Content.Length:N0} bytes)"));
            return 0;
        };
    }

    [GeneratedRegex(@"^\s*(?<year>\d{4})\s*-?\s*[Qq](?<quarter>[1-4])\s*$")]
    private static partial Regex QuarterPattern();
}
