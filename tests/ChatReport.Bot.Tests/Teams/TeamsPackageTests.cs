using System.IO.Compression;
using System.Text.Json;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Teams;
using ChatReport.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatReport.Bot.Tests.Teams;

public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "6f1c2a7e-3b4d-4c5e-9f80-1a2b3c4d5e6f";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatreport-teams-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ThePackageHoldsAManifestForTheConfiguredAppIdAndBothIconsAtTheirSizes()
    {
        await using var app = new ChatReportApplication().WithSetting("MicrosoftAppId", AppId).WithSetting("MicrosoftAppPassword", "secret");
        var zipPath = Path.Combine(_folder, "chatreport-teams.zip");

        var (code, output, error) = await RunAsync(app, "teams-package", "--out", zipPath, "--website", "https://bot.example.org");

        Assert.True(code == CliExitCode.Success, error);
        Assert.Contains(AppId, output, StringComparison.Ordinal);
        await using var zip = await ZipFile.OpenReadAsync(zipPath, Ct);
        Assert.Equal(["color.png", "en-us.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        using var manifest = JsonDocument.Parse(await ReadAsync(zip, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal(TeamsManifest.SchemaVersion, root.GetProperty("manifestVersion").GetString());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(["personal", "groupChat", "team"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var lists = bot.GetProperty("commandLists").EnumerateArray().ToList();
        Assert.Equal(2, lists.Count);
        Assert.All(lists, list =>
        {
            var commands = list.GetProperty("commands").EnumerateArray().ToList();
            Assert.InRange(commands.Count, 1, TeamsManifest.MaxCommands);
            Assert.All(commands, c =>
            {
                Assert.InRange(c.GetProperty("title").GetString()!.Length, 1, TeamsManifest.MaxTitle);
                Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, TeamsManifest.MaxDescription);
            });
        });
        Assert.Equal("申报", lists[0].GetProperty("commands")[0].GetProperty("title").GetString());
        Assert.Equal("https://bot.example.org", root.GetProperty("developer").GetProperty("privacyUrl").GetString());

        using var english = JsonDocument.Parse(await ReadAsync(zip, "en-us.json"));
        Assert.Equal("report", english.RootElement.GetProperty("bots[0].commandLists[0].commands[0].title").GetString());
        Assert.Equal("subscribe", english.RootElement.GetProperty("bots[0].commandLists[1].commands[0].title").GetString());
        Assert.All(
            english.RootElement.EnumerateObject().Where(p => p.Name.EndsWith(".title", StringComparison.Ordinal)),
            p => Assert.InRange(p.Value.GetString()!.Length, 1, TeamsManifest.MaxTitle));

        using var color = SKBitmap.Decode(await ReadAsync(zip, "color.png"));
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal(new SKColor(0xB7, 0x1C, 0x1C), color.GetPixel(0, 0));
        using var outline = SKBitmap.Decode(await ReadAsync(zip, "outline.png"));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => outline.GetPixel(i % 32, i / 32)).ToList();
        // Teams wants the outline white on transparency: nothing else, and some of each.
        Assert.All(pixels, p => Assert.True(p.Alpha == 0 || p == SKColors.White, $"pixel {p} is neither transparent nor white"));
        Assert.Contains(pixels, p => p.Alpha == 0);
        Assert.Contains(pixels, p => p == SKColors.White);
    }

    [Fact]
    public async Task WithoutAMicrosoftAppIdThePackageIsRefusedWithAClearMessage()
    {
        await using var app = new ChatReportApplication();
        var zipPath = Path.Combine(_folder, "chatreport-teams.zip");

        var (code, _, error) = await RunAsync(app, "teams-package", "--out", zipPath, "--website", "https://bot.example.org");

        Assert.Equal(CliExitCode.Failed, code);
        Assert.Contains("MicrosoftAppId is empty", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Theory]
    [InlineData("--out", "x.zip")]
    [InlineData("--out", "x.zip", "--website", "http://bot.example.org")]
    [InlineData("--out", "x.zip", "--website", "https://bot.example.org", "--app-version", "latest")]
    public async Task BadOptionsAreUsageErrors(params string[] options)
    {
        await using var app = new ChatReportApplication().WithSetting("MicrosoftAppId", AppId).WithSetting("MicrosoftAppPassword", "secret");

        var (code, _, _) = await RunAsync(app, ["teams-package", .. options.Select(o => o == "x.zip" ? Path.Combine(_folder, o) : o)]);

        Assert.Equal(CliExitCode.Usage, code);
        Assert.False(File.Exists(Path.Combine(_folder, "x.zip")));
    }

    private static async Task<byte[]> ReadAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync(Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(ChatReportApplication app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }
}
