using System.Net;
using System.Diagnostics;
using System.Reflection;
using ChatReport.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Conformance;

/// <summary>
/// Runs tests/conformance/conformance.test.mjs, in which the official Bot Framework JS SDK
/// (botbuilder's ChannelServiceRoutes) plays the channel, against the bot on real Kestrel.
/// The test project's build runs <c>npm ci</c> there when node_modules is missing.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TheOfficialJavaScriptChannelExchangesActivitiesWithTheBot()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = ConformanceDirectory();
        Assert.True(
            File.Exists(Path.Combine(directory, "node_modules", "botbuilder", "package.json")),
            $"botbuilder is not installed in {directory}; building the test project runs 'npm ci' there.");

        await using var app = new ChatReportApplication(fakeConnector: false).WithBot<ConformanceBot>();
        // Port 0 through Kestrel's own options: WebApplicationFactory's UseKestrel(port) rewrites the
        // addresses while the app may already be binding, which fails now and then.
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (exitCode, output) = await RunNodeTestAsync(directory, new Uri(new Uri(address), "/api/messages"), cancellationToken);

        Assert.True(exitCode == 0, $"node --test exited with {exitCode}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunNodeTestAsync(string directory, Uri botUrl, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = directory };
        foreach (var argument in new[] { "--test", "--test-reporter=spec", "conformance.test.mjs" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BOT_URL"] = botUrl.AbsoluteUri;
        start.Environment["NO_COLOR"] = "1";

        var run = await ChildProcess.RunAsync(start, NodeTimeout, cancellationToken);
        return (run.ExitCode, run.Everything);
    }

    private static string ConformanceDirectory() =>
        typeof(ConformanceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => string.Equals(a.Key, "ConformanceDirectory", StringComparison.Ordinal)).Value!;
}
