using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

using ChatReport.Bot.Tests.Support;

namespace ChatReport.Bot.Tests.Authentication;

/// <summary>
/// The reverse direction of botframework-protocol.md §4.4: the bot gets its token from the fake
/// identity provider exactly as it would from AAD, and npm botbuilder 4.23.3's
/// CloudChannelServiceHandler, configured with the same setting names, decides whether a
/// Connector would accept it. Needs Node.js; installs tests/auth-conformance on first use.
/// </summary>
public sealed class OutboundTokenConformanceTests
{
    private const string BotFrameworkTenantIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOfficialJsChannelHandlerAcceptsTheBotsOutboundToken()
    {
        var folder = await PrepareConformanceFolderAsync();
        await using var provider = await FakeIdentityProvider.StartAsync(Cancel);
        IssueAadStyleTokens(provider, provider.AddEmulatorKey("aad-key-1"));
        using var host = new AuthenticationTestHost(AuthenticationTestHost.Settings(provider));

        var token = await host.Credentials.GetAccessTokenAsync(Cancel);
        var verdict = await CheckWithBotbuilderAsync(folder, provider, AuthenticationTestHost.AppId, token!);

        Assert.Equal(200, verdict.GetProperty("status").GetInt32());
        Assert.Equal(AuthenticationTestHost.AppId, verdict.GetProperty("appId").GetString());
    }

    [Fact]
    public async Task TheOfficialJsChannelHandlerRefusesTheTokenOfAnotherBot()
    {
        var folder = await PrepareConformanceFolderAsync();
        await using var provider = await FakeIdentityProvider.StartAsync(Cancel);
        IssueAadStyleTokens(provider, provider.AddEmulatorKey("aad-key-1"));
        using var host = new AuthenticationTestHost(AuthenticationTestHost.Settings(provider));

        var token = await host.Credentials.GetAccessTokenAsync(Cancel);
        var verdict = await CheckWithBotbuilderAsync(folder, provider, "00000000-0000-0000-0000-000000000009", token!);

        Assert.Equal(401, verdict.GetProperty("status").GetInt32());
        Assert.Contains("Invalid AppId passed on token", verdict.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // What AAD's v1 endpoint issues for client credentials: audience = the requested resource.
    private static void IssueAadStyleTokens(FakeIdentityProvider provider, TestKey key) =>
        provider.TokenResponse = request =>
        {
            var now = DateTimeOffset.UtcNow;
            var token = FakeIdentityProvider.Mint(key, new Dictionary<string, object?>
            {
                ["iss"] = BotFrameworkTenantIssuer,
                ["aud"] = request.Fields["scope"].Replace("/.default", "", StringComparison.Ordinal),
                ["appid"] = request.Fields["client_id"],
                ["ver"] = "1.0",
                ["tid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db",
                ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
                ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            });
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = token });
        };

    private static async Task<JsonElement> CheckWithBotbuilderAsync(string folder, FakeIdentityProvider provider, string channelAppId, string token)
    {
        var start = new ProcessStartInfo("node", "check-token.js")
        {
            WorkingDirectory = folder,
        };
        start.Environment["MicrosoftAppId"] = channelAppId;
        start.Environment["ToBotFromChannelOpenIdMetadataUrl"] = provider.ChannelMetadataUrl;
        start.Environment["ToBotFromEmulatorOpenIdMetadataUrl"] = provider.EmulatorMetadataUrl;
        var (exitCode, output, errors) = await RunAsync(start, token);

        Assert.True(exitCode == 0, $"check-token.js failed ({exitCode}): {errors}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    private static async Task<string> PrepareConformanceFolderAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "auth-conformance");
        try
        {
            await ChildProcess.RunAsync(new ProcessStartInfo("node", "--version"), TimeSpan.FromMinutes(1), Cancel);
        }
        catch (Win32Exception)
        {
            Assert.Skip("Node.js is not installed; the botbuilder-js conformance check needs it.");
        }

        await InstallGate.WaitAsync(Cancel);
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "botbuilder")))
            {
                var (exitCode, _, errors) = await RunAsync(
                    new ProcessStartInfo("npm", "ci --ignore-scripts --no-audit --no-fund")
                    {
                        WorkingDirectory = folder,
                    },
                    "");
                Assert.True(exitCode == 0, $"npm ci in {folder} failed: {errors}");
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return folder;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ProcessStartInfo start, string input)
    {
        var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(5), Cancel, input);
        return (run.ExitCode, run.Output, run.Errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatReport.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ChatReport.sln not found above " + AppContext.BaseDirectory);
    }
}
