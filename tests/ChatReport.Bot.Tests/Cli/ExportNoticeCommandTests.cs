using ChatReport.Bot.Cli;
using ChatReport.Bot.Tests.Notices;
using ChatReport.Bot.Tests.Storage;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Cli;

public sealed class ExportNoticeCommandTests
{
    [Fact]
    public async Task ExportNoticeWritesTheWorkbookOrTheCsvNamedOnTheCommandLine()
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1));
        var s = await NoticeScenario.CreateAsync(db);
        var folder = Path.GetDirectoryName(db.Path)!;
        var xlsx = Path.Combine(folder, "notice.xlsx");
        var csv = Path.Combine(folder, "notice.csv");
        var unit = s.Branch.Unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var connection = $"--ConnectionStrings:ChatReport=Data Source={db.Path}";
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.True(CommandLine.IsCommand(["export-notice"]));
        Assert.False(CommandLine.IsCommand(["--urls", "http://localhost:5000"]));
        Assert.Equal(0, await CommandLine.RunAsync(["export-notice", "--unit", unit, "--quarter", "2026Q3", "--out", xlsx, connection], output, errors));
        Assert.Equal(0, await CommandLine.RunAsync(["export-notice", "--unit", unit, "--quarter", "2026q4", "--format", "csv", "--out", csv, connection], output, errors));

        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(xlsx, TestContext.Current.CancellationToken))[..2]);
        var csvBytes = await File.ReadAllBytesAsync(csv, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        Assert.StartsWith("排名,姓名", System.Text.Encoding.UTF8.GetString(csvBytes[3..]), StringComparison.Ordinal);
        Assert.Contains($"Wrote {xlsx}", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(errors.ToString());
    }

    [Theory]
    [InlineData("--quarter", "2026Q5", "--quarter takes a year and a quarter like 2026Q4")]
    [InlineData("--format", "pdf", "--format is csv or xlsx")]
    [InlineData("--unit", "twelve", "--unit takes the unit's number")]
    public async Task BadArgumentsAreRefusedWithAClearMessageAndExitCodeTwo(string option, string value, string message)
    {
        using var db = new TestDatabase();
        var args = new Dictionary<string, string> { ["--unit"] = "1", ["--quarter"] = "2026Q4", ["--format"] = "xlsx" };
        args[option] = value;
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CommandLine.RunAsync(
            ["export-notice", .. args.SelectMany(a => new[] { a.Key, a.Value }), $"--ConnectionStrings:ChatReport=Data Source={db.Path}"], output, errors);

        Assert.Equal(2, exit);
        Assert.Contains(message, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingDatabaseIsReportedAndNotCreated()
    {
        using var db = new TestDatabase();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CommandLine.RunAsync(["export-notice", "--unit", "1", "--quarter", "2026Q4", $"--ConnectionStrings:ChatReport=Data Source={db.Path}"], output, errors);

        Assert.Equal(1, exit);
        Assert.Contains($"There is no database at {db.Path}", errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path));
    }

    [Fact]
    public async Task AnUnknownUnitIsReportedNotCrashedOn()
    {
        using var db = new TestDatabase();
        await Stores.CreateAsync(db);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CommandLine.RunAsync(["export-notice", "--unit", "404", "--quarter", "2026Q4", $"--ConnectionStrings:ChatReport=Data Source={db.Path}"], output, errors);

        Assert.Equal(2, exit);
        Assert.Contains("There is no unit 404", errors.ToString(), StringComparison.Ordinal);
    }
}
