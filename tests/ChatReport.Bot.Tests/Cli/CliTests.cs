using System.Diagnostics;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Cli;

/// <summary>The command line, in process through the dispatcher against the app's temporary database.</summary>
public sealed class CliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Output, string Error)> RunAsync(ChatReportApplication app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static ChatReportApplication Started()
    {
        var app = new ChatReportApplication();
        app.CreateClient().Dispose();
        return app;
    }

    [Fact]
    public async Task BranchesCodesSecretariesAndMembersCanBeManagedFromTheCommandLine()
    {
        await using var app = Started();
        var units = app.Services.GetRequiredService<IOrganisation>();
        var members = app.Services.GetRequiredService<IMemberDirectory>();
        var codes = app.Services.GetRequiredService<IJoinCodes>();

        var created = await RunAsync(app, "create-branch", "--name", "山岔村党支部");
        Assert.Equal(0, created.Code);
        var branch = Assert.Single(await units.FindUnitsByNameAsync("山岔村党支部", Ct));
        Assert.Equal("党委", (await units.GetUnitAsync(branch.ParentId!.Value, Ct))!.Name);
        Assert.Equal(0, (await RunAsync(app, "create-branch", "--name", "河口村党支部", "--parent", "党委", "--time-zone", "Asia/Urumqi")).Code);
        var other = Assert.Single(await units.FindUnitsByNameAsync("河口村党支部", Ct));
        Assert.Equal("Asia/Urumqi", other.TimeZone);

        var zhang = await members.AddMemberAsync(branch.Id, "张三", null, Ct);
        var li = await members.AddMemberAsync(branch.Id, "李四", null, Ct);
        Assert.Equal(0, (await RunAsync(app, "appoint-secretary", "--branch", "山岔村党支部", "--member", "张三")).Code);
        Assert.Equal(0, (await RunAsync(app, "appoint-secretary", "--branch", "山岔村党支部", "--member", "李四")).Code);
        Assert.True(await members.CanReviewAsync(li.Id, branch.Id, Ct));
        Assert.False(await members.CanReviewAsync(zhang.Id, branch.Id, Ct));

        var issued = await RunAsync(app, "issue-code", "--branch", "山岔村党支部", "--days", "7");
        Assert.Equal(0, issued.Code);
        var code = issued.Output[..6];
        Assert.Equal(branch.Id, (await codes.GetAsync(code, Ct))!.UnitId);
        Assert.NotNull((await codes.GetAsync(code, Ct))!.ExpiresAt);
        Assert.Equal(0, (await RunAsync(app, "revoke-code", code)).Code);
        Assert.NotNull((await codes.GetAsync(code, Ct))!.RevokedAt);
        Assert.Equal(1, (await RunAsync(app, "revoke-code", code)).Code);

        Assert.Equal(0, (await RunAsync(app, "move-member", "--member", "张三", "--branch", "山岔村党支部", "--to", "河口村党支部")).Code);
        Assert.Equal(other.Id, (await members.GetAsync(zhang.Id, Ct))!.UnitId);
        Assert.Equal(0, (await RunAsync(app, "deactivate-member", "--member", $"#{zhang.Id}")).Code);
        Assert.False((await members.GetAsync(zhang.Id, Ct))!.IsActive);

        var reloaded = await RunAsync(app, "reload-rules");
        Assert.Equal(0, reloaded.Code);
        Assert.Contains("unchanged:", reloaded.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "create-branch")]
    [InlineData(2, "create-branch", "--name")]
    [InlineData(2, "create-branch", "--name", "x", "--colour", "red")]
    [InlineData(2, "create-branch", "--name", "x", "--kind", "village")]
    [InlineData(2, "no-such-command")]
    [InlineData(2, "import-roster")]
    [InlineData(1, "create-branch", "--name", "x", "--parent", "没有这个单位")]
    [InlineData(1, "create-branch", "--name", "x", "--time-zone", "Mars/Olympus")]
    [InlineData(1, "issue-code", "--branch", "没有这个支部")]
    [InlineData(1, "revoke-code", "000000")]
    [InlineData(0, "help")]
    public async Task BadUsageEndsWithTwoAndCommandsThatCannotBeDoneWithOne(int expected, params string[] args)
    {
        await using var app = Started();
        var units = app.Services.GetRequiredService<IOrganisation>();
        var before = (await units.ListChildrenAsync((await units.ListChildrenAsync(null, Ct)).Single().Id, Ct)).Count;
        var (code, output, error) = await RunAsync(app, args);
        Assert.Equal(expected, code);
        Assert.NotEqual(string.Empty, expected == 0 ? output : error);
        Assert.Equal(before, (await units.ListChildrenAsync((await units.ListChildrenAsync(null, Ct)).Single().Id, Ct)).Count);
    }

    [Fact]
    public void OnlyAFirstArgumentThatIsNoSettingIsACommand()
    {
        Assert.True(CliRunner.IsCommand(["import-roster", "a.csv"]));
        Assert.False(CliRunner.IsCommand([]));
        Assert.False(CliRunner.IsCommand(["--urls", "http://localhost:0"]));
        Assert.False(CliRunner.IsCommand(["urls=http://localhost:0"]));
    }

    [Fact]
    public async Task ARosterWithBadRowsImportsTheGoodOnesReportsTheRestAndASecondRunCreatesNothing()
    {
        await using var app = Started();
        var units = app.Services.GetRequiredService<IOrganisation>();
        var members = app.Services.GetRequiredService<IMemberDirectory>();
        Assert.Equal(0, (await RunAsync(app, "create-branch", "--name", "山岔村党支部")).Code);
        var branch = Assert.Single(await units.FindUnitsByNameAsync("山岔村党支部", Ct));
        var file = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "roster.csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n",
            "branch,name,role",
            "山岔村党支部,张三,member",
            "山岔村党支部,\"李, 书记\",secretary",
            "山岔村党支部,王五,committee",
            "后沟村党支部,赵六,member",
            "山岔村党支部,,member",
            "山岔村党支部,钱七,chairman",
            "山岔村党支部,张三,member",
            "",
            "山岔村党支部,孙八,"), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), Ct);

        var first = await RunAsync(app, "import-roster", file);
        Assert.Equal(0, first.Code);
        Assert.Contains("line 2: created", first.Output, StringComparison.Ordinal);
        Assert.Contains("line 5: skipped 赵六 (后沟村党支部): unknown branch '后沟村党支部'", first.Output, StringComparison.Ordinal);
        Assert.Contains("line 6: skipped  (山岔村党支部): empty name", first.Output, StringComparison.Ordinal);
        Assert.Contains("line 7: skipped 钱七 (山岔村党支部): unknown role 'chairman'", first.Output, StringComparison.Ordinal);
        Assert.Contains("line 8: skipped 张三 (山岔村党支部): duplicate of line 2", first.Output, StringComparison.Ordinal);
        Assert.Contains("4 created, 4 skipped.", first.Output, StringComparison.Ordinal);

        var roster = await members.ListMembersAsync(branch.Id, Ct);
        Assert.Equal(["孙八", "张三", "李, 书记", "王五"], roster.Select(m => m.DisplayName).Order(StringComparer.Ordinal));
        var secretary = roster.Single(m => m.DisplayName == "李, 书记");
        Assert.True(await members.CanReviewAsync(secretary.Id, branch.Id, Ct));
        var committee = Assert.Single(await members.GetRolesAsync(roster.Single(m => m.DisplayName == "王五").Id, Ct));
        Assert.Equal((Role.Committee, false), (committee.Role, committee.CanReview));

        var second = await RunAsync(app, "import-roster", file);
        Assert.Equal(0, second.Code);
        Assert.Contains("0 created, 8 skipped.", second.Output, StringComparison.Ordinal);
        Assert.Contains("line 2: skipped 张三 (山岔村党支部): already present in 山岔村党支部", second.Output, StringComparison.Ordinal);
        Assert.Equal(4, (await members.ListMembersAsync(branch.Id, Ct)).Count);
    }

    [Fact]
    public async Task AnUnreadableFileOrABadHeaderEndsWithOneAndImportsNothing()
    {
        await using var app = Started();
        var folder = Path.GetDirectoryName(app.DatabasePath)!;
        var badHeader = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(badHeader, "支部名称,人\n党委,张三\n", Ct);
        var gbk = Path.Combine(folder, "gbk.csv");
        await File.WriteAllBytesAsync(gbk, [0x62, 0x72, 0x61, 0x6e, 0x63, 0x68, 0x2c, 0xd5, 0xc5, 0x0a], Ct);

        Assert.Equal(1, (await RunAsync(app, "import-roster", badHeader)).Code);
        Assert.Equal(1, (await RunAsync(app, "import-roster", gbk)).Code);
        Assert.Equal(1, (await RunAsync(app, "import-roster", Path.Combine(folder, "missing.csv"))).Code);
        var units = app.Services.GetRequiredService<IOrganisation>();
        Assert.Empty(await app.Services.GetRequiredService<IMemberDirectory>().ListMembersAsync((await units.ListChildrenAsync(null, Ct)).Single().Id, Ct));
    }

    [Fact]
    public async Task TheRealProcessImportsARosterAndExits()
    {
        var folder = Directory.CreateTempSubdirectory("chatreport-cli-").FullName;
        try
        {
            var database = Path.Combine(folder, "bot.db");
            var file = Path.Combine(folder, "roster.csv");
            await File.WriteAllTextAsync(file, "branch,name,role\n党委,张三,member\n党委,李四,nobody\n", Ct);
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ChatReport.Bot.dll"), "import-roster", file })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["ConnectionStrings__ChatReport"] = $"Data Source={database}";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2), Ct);

            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Everything}");
            Assert.Contains("1 created, 1 skipped.", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
