using System.Text;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Notices;
using MiniExcelLibs;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Notices;

public sealed class NoticeExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCsvIsUtf8WithAByteOrderMarkOneLinePerMemberQuotedWhereNeededAndSafeFromFormulas()
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1));
        var s = await NoticeScenario.CreateAsync(db, thirdMemberName: "=HYPERLINK(\"x\")");

        var file = (await s.Service.ExportAsync(s.Branch.Unit.Id, 2026, 4, NoticeExportFormat.Csv, "zh-CN", Ct))!;

        Assert.Equal(("山岔村党支部-2026Q4.csv", NoticeExporter.CsvContentType), (file.FileName, file.ContentType));
        var bytes = file.Content.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(
            [
                "排名,姓名,基础分,加分,扣分,本季合计,年度累计,明细",
                "1,李四,0,10,0,10,70,10-20 绿化卫生责任区：做了好事 +10分",
                "2,张三,0,-3,0,-3,62,\"08-10 义务理发：重复申报（更正第3季度记录#" + s.Haircut.Id + "） -5分；10-08 志愿服务：敬老院志愿服务,打扫院子 +2分\"",
                "3,李书记,0,0,0,0,60,",
                "4,\"'=HYPERLINK(\"\"x\"\")\",0,0,5,-5,55,11-03 无故缺席组织生活：无故缺席主题党日 -5分",
                "",
            ],
            lines);
    }

    [Fact]
    public async Task TheWorkbookOpensWithTheNoticeOnOneSheetAndEveryItemOnAnother()
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1));
        var s = await NoticeScenario.CreateAsync(db);

        var file = (await s.Service.ExportAsync(s.Branch.Unit.Id, 2026, 3, NoticeExportFormat.Xlsx, "zh-CN", Ct))!;

        Assert.Equal(("山岔村党支部-2026Q3.xlsx", NoticeExporter.XlsxContentType), (file.FileName, file.ContentType));
        using var stream = new MemoryStream(file.Content.ToArray());
        Assert.Equal(["公示", "明细"], MiniExcel.GetSheetNames(stream));
        var notice = (await MiniExcel.QueryAsync(stream, useHeaderRow: false, sheetName: "公示", cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("【山岔村党支部】2026年第3季度积分公示", notice[0]["A"]);
        Assert.Equal("李书记已于2026年10月5日签字确认。欢迎群众监督。", notice[1]["A"]);
        Assert.Equal(["排名", "姓名", "基础分", "加分", "扣分", "本季合计", "年度累计"], Values(notice[2], 7));
        Assert.Equal([1d, "张三", 0d, 5d, 0d, 5d, 65d], Values(notice[3], 7));
        Assert.Equal([2d, "王五", 0d, 0d, 0d, 0d, 60d], Values(notice[6], 7));
        Assert.Equal(7, notice.Count);

        stream.Position = 0;
        var items = (await MiniExcel.QueryAsync(stream, useHeaderRow: false, sheetName: "明细", cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["姓名", "日期", "类别", "分值", "事项"], Values(items[0], 5));
        Assert.Equal(["张三", "2026-08-10", "加分", 5d, "义务理发：给村里老人理发"], Values(items[1], 5));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public async Task TheEnglishWorkbookHasEnglishSheetsAndHeadings()
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1));
        var s = await NoticeScenario.CreateAsync(db);

        var file = (await s.Service.ExportAsync(s.Branch.Unit.Id, 2026, 4, NoticeExportFormat.Xlsx, "en-US", Ct))!;

        using var stream = new MemoryStream(file.Content.ToArray());
        Assert.Equal(["Notice", "Items"], MiniExcel.GetSheetNames(stream));
        var items = (await MiniExcel.QueryAsync(stream, useHeaderRow: false, sheetName: "Items", cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(items, row => Equals(row["E"], "Volunteer service: 敬老院志愿服务,打扫院子"));
    }

    private static object?[] Values(IDictionary<string, object> row, int width) =>
        [.. Enumerable.Range(0, width).Select(i => row[((char)('A' + i)).ToString()])];
}
