using System.Globalization;
using System.Text;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Cli;

/// <summary>
/// <c>import-roster</c> on real files as spreadsheets and editors save them: the report's line
/// numbers are the lines an editor shows, whatever quoted line breaks and blank lines come before.
/// </summary>
public sealed class RosterImportTests : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly ChatReportApplication _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ARowAfterAQuotedCellOverSeveralLinesAndABlankLineIsReportedWithTheLineAnEditorShows()
    {
        var file = await RosterAsync(
            "branch,name,role",
            "党委,张三,member",
            "党委,\"李四",
            "（退休）\",member",
            "",
            "党委,,member",
            "党委,王五,");

        var run = await RunAsync("import-roster", file);

        Assert.Equal(0, run.Code);
        Assert.Contains("line 2: created", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 3: skipped 李四 （退休） (党委): a cell runs over lines 3-4", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 6: skipped  (党委): empty name", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 7: created", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 created, 2 skipped.", run.Output, StringComparison.Ordinal);
        Assert.Equal(["张三", "王五"], await MemberNamesAsync());
    }

    [Fact]
    public async Task AQuoteLeftOpenSkipsTheRowsItSwallowsAsOneRowNamingTheirLines()
    {
        var file = await RosterAsync(
            "branch,name,role",
            "党委,\"张三,member",
            "党委,李四,member",
            "党委,王五,member");

        var run = await RunAsync("import-roster", file);

        Assert.Equal(0, run.Code);
        Assert.Contains("line 2: skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("a cell runs over lines 2-4; a roster cell is one line (is a quote left open?)", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 created, 1 skipped.", run.Output, StringComparison.Ordinal);
        Assert.Empty(await MemberNamesAsync());
    }

    [Fact]
    public async Task AChineseHeaderWithAByteOrderMarkAndQuotedQuotesIsRead()
    {
        var file = await RosterAsync(
            "支部,姓名,角色",
            "党委,\"王\"\"小\"\"明\",党员",
            "党委,\"赵, 六\",支委");

        var run = await RunAsync("import-roster", file);

        Assert.Equal(0, run.Code);
        Assert.Contains("2 created, 0 skipped.", run.Output, StringComparison.Ordinal);
        Assert.Equal(["王\"小\"明", "赵, 六"], await MemberNamesAsync());
    }

    [Theory]
    [InlineData("name,role\n党委,张三\n", "has the header 'name,role'; it must name the columns branch,name,role.")]
    [InlineData("\n\n", "is empty; the first line must be the header branch,name,role.")]
    [InlineData("branch,name,role\n党委,张三,member\n\n党委,李四\n", "line 4 has 2 cells where the header has 3; nothing was imported.")]
    [InlineData("branch,name,role\n党委,\"张\n三\"\n", "line 2 has 2 cells where the header has 3; nothing was imported.")]
    public async Task AFileThatIsNotARosterEndsWithOneSaysWhyAndImportsNothing(string text, string message)
    {
        var file = Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "roster.csv");
        await File.WriteAllTextAsync(file, text, Utf8WithBom, Ct);

        var run = await RunAsync("import-roster", file);

        Assert.Equal(1, run.Code);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.Empty(await MemberNamesAsync());
    }

    [Fact]
    public async Task AGbkFileIsRefusedWithTheAdviceToSaveItAsUtf8()
    {
        var file = Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "roster.csv");
        var gbk = new byte[] { 0xD6, 0xA7, 0xB2, 0xBF }; // 支部 in GBK
        await File.WriteAllBytesAsync(file, [.. "branch,name,role\n党委,"u8, .. gbk, .. ",member\n"u8], Ct);

        var run = await RunAsync("import-roster", file);

        Assert.Equal(1, run.Code);
        Assert.Contains("is not UTF-8 text", run.Output, StringComparison.Ordinal);
        Assert.Contains("save it as \"CSV UTF-8\"", run.Output, StringComparison.Ordinal);
        Assert.Empty(await MemberNamesAsync());
    }

    [Fact]
    public async Task ATenThousandRowRosterIsReadWholeWithTheLastRowOnTheLastLine()
    {
        // Read, not imported: creating 10,000 members one transaction each is a separate cost.
        const int Rows = 10_000;
        var lines = new List<string> { "branch,name,role" };
        lines.AddRange(Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"党委,成员{i},")));
        // A quoted cell over two lines early on and a blank line: every later line number depends on counting them.
        lines.Insert(2, "党委,\"多\n行\",member");
        lines.Insert(5000, "");
        var file = await RosterAsync([.. lines]);

        var rows = RosterCsv.Read(file, Ct);

        Assert.Equal(Rows + 2, rows.Count);
        Assert.Equal((3, 4), (rows[2].Line, rows[2].LastLine));
        Assert.Equal(["党委", "多\n行", "member"], rows[2].Cells);
        Assert.Equal(Rows + 4, rows[^1].Line);
        Assert.Equal(["党委", string.Create(CultureInfo.InvariantCulture, $"成员{Rows}"), ""], rows[^1].Cells);
        Assert.Equal(Enumerable.Range(1, Rows + 4).Except([4, 5002]), rows.Select(r => r.Line));
    }

    private async Task<string> RosterAsync(params string[] lines)
    {
        var file = Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "roster.csv");
        // As Excel saves "CSV UTF-8": a byte-order mark and CRLF.
        await File.WriteAllTextAsync(file, string.Join("\r\n", lines) + "\r\n", Utf8WithBom, Ct);
        return file;
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await _app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, Ct);
        return (code, output.ToString() + error);
    }

    private async Task<List<string>> MemberNamesAsync()
    {
        var units = _app.Services.GetRequiredService<IOrganisation>();
        var root = (await units.ListChildrenAsync(null, Ct)).Single();
        var members = await _app.Services.GetRequiredService<IMemberDirectory>().ListMembersAsync(root.Id, Ct);
        return [.. members.Select(m => m.DisplayName).Order(StringComparer.Ordinal)];
    }
}
