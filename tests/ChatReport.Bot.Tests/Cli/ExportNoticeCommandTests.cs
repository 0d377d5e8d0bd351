using ChatReport.Bot.Cli;
using ChatReport.Bot.Tests.Notices;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Cli;

public sealed class ExportNoticeCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase db, params string[] args)
    {
        await using var app = new ChatReportApplication().WithSetting("ConnectionStrings:ChatReport", $"Data Source={db.Path}");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ExportNoticeWritesTheWorkbookOrTheCsvNamedOnTheCommandLine()
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1));
        var s = await NoticeScenario.CreateAsync(db);
        var folder = Path.GetDirectoryName(db.Path)!;
        var xlsx = Path.Combine(folder, "notice.xlsx");
        var csv = Path.Combine(folder, "notice.csv");
        var unit = s.Branch.Unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var workbook = await RunAsync(db, "export-notice", "--unit", unit, "--quarter", "2026Q3", "--out", xlsx);
        var table = await RunAsync(db, "export-notice", "--unit", unit, "--quarter", "2026q4", "--format", "csv", "--out", csv);

        Assert.Equal((0, 0), (workbook.Code, table.Code));
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(xlsx, TestContext.Current.CancellationToken))[..2]);
        var csvBytes = await File.ReadAllBytesAsync(csv, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        Assert.StartsWith("排名,姓名", System.Text.Encoding.UTF8.GetString(csvBytes[3..]), StringComparison.Ordinal);
        Assert.Contains($"Wrote {xlsx}", workbook.Output, StringComparison.Ordinal);
        Assert.Empty(workbook.Error);
    }

    [Theory]
    [InlineData("--quarter", "2026Q5", "--quarter takes a year and a quarter like 2026Q4")]
    [InlineData("--format", "docx", "--format is csv, xlsx or pdf")]
    [InlineData("--unit", "twelve", "--unit takes the unit's number")]
    public async Task BadArgumentsAreRefusedWithAClearMessageAndExitCodeTwo(string option, string value, string message)
    {
        using var db = new TestDatabase();
        var args = new Dictionary<string, string> { ["--unit"] = "1", ["--quarter"] = "2026Q4", ["--format"] = "xlsx" };
        args[option] = value;

        var (code, _, error) = await RunAsync(db, ["export-notice", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(CliExitCode.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownUnitIsReportedNotCrashedOn()
    {
        using var db = new TestDatabase();
        await Stores.CreateAsync(db);

        var (code, _, error) = await RunAsync(db, "export-notice", "--unit", "404", "--quarter", "2026Q4");

        Assert.Equal(CliExitCode.Failed, code);
        Assert.Contains("There is no unit 404", error, StringComparison.Ordinal);
    }
}
