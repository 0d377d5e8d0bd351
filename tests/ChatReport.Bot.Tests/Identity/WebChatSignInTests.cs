using System.Net;
using System.Net.Http.Json;
using ChatReport.Bot.Tests.DirectLine;
using ChatReport.Bot.WebChat;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static ChatReport.Bot.Tests.Identity.SignInWorld;

namespace ChatReport.Bot.Tests.Identity;

/// <summary>The Web Chat page's sign-in through the real host: the browser never chooses its user id.</summary>
public sealed class WebChatSignInTests
{
    [Fact]
    public async Task ABrowserSignsInWithACodeAndGetsTokensForItsOwnMemberOnly()
    {
        await using var world = await SignInWorld.CreateAsync();
        using var browser = world.Browser();

        using var signedIn = await SignInAsync(browser, world.Code, "王\u200b芳");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await MeAsync(browser);
        Assert.Equal((true, "王芳", "山岔村党支部"), (me.SignedIn, me.Name, me.Unit));
        var member = await world.App.Services.GetRequiredService<IMemberDirectory>().FindByAccountAsync("directline", me.UserId!, Cancel);
        Assert.Equal("王芳", member!.DisplayName);

        var token = await TokenAsync(browser);
        Assert.Equal(me.UserId, token.UserId);

        // Naming another user id, or a group other than the branch's, gets nothing.
        using var forged = await browser.PostAsJsonAsync("webchat/token", new { userId = "someone-else", name = "李书记" }, Cancel);
        await forged.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        using var named = await browser.PostAsJsonAsync("webchat/token", new { group = "河口村党支部 #3" }, Cancel);
        await named.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");

        // A browser without the cookie cannot act as the member, whatever id it names.
        using var stranger = world.Browser();
        Assert.False((await MeAsync(stranger)).SignedIn);
        using var anonymous = await stranger.PostAsJsonAsync("webchat/token", new { userId = me.UserId, name = "王芳" }, Cancel);
        await anonymous.AssertErrorAsync(HttpStatusCode.Unauthorized, "NotSignedIn");
    }

    [Fact]
    public async Task ADirectLineTokenOfOneMemberCannotReadAnothersConversation()
    {
        await using var world = await SignInWorld.CreateAsync();
        using var wang = world.Browser();
        using var zhao = world.Browser();
        (await SignInAsync(wang, world.Code, "王芳")).Dispose();
        (await SignInAsync(zhao, world.OtherCode, "赵六")).Dispose();
        var wangToken = await TokenAsync(wang);
        var zhaoToken = await TokenAsync(zhao);

        using var asWang = world.App.CreateHttpClient(wangToken.Token);
        using var response = await asWang.GetAsync($"v3/directline/conversations/{zhaoToken.ConversationId}/activities", Cancel);
        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");

        // Each gets their own branch's group; the same branch shares one.
        using var li = world.Browser();
        (await SignInAsync(li, world.SecretaryCode)).Dispose();
        var wangGroup = await TokenAsync(wang, new { branchGroup = true });
        var liGroup = await TokenAsync(li, new { branchGroup = true });
        var zhaoGroup = await TokenAsync(zhao, new { branchGroup = true });
        Assert.Equal(wangGroup.ConversationId, liGroup.ConversationId);
        Assert.NotEqual(wangGroup.ConversationId, zhaoGroup.ConversationId);
    }

    [Fact]
    public async Task TheSignInSurvivesARestart()
    {
        var folder = Directory.CreateTempSubdirectory("chatreport-signin-").FullName;
        var database = Path.Combine(folder, "bot.db");
        var jar = new CookieContainer();
        string userId;
        await using (var before = await SignInWorld.CreateAsync(databasePath: database))
        {
            using var browser = before.Browser(jar);
            (await SignInAsync(browser, before.Code, "王芳")).Dispose();
            userId = (await MeAsync(browser)).UserId!;
        }

        try
        {
            // A new process on the same file: the keys that protect the cookie came back from the database.
            await using var after = await SignInWorld.CreateAsync(databasePath: database, seed: false);
            using var again = after.Browser(jar);
            var me = await MeAsync(again);
            Assert.True(me.SignedIn, "the cookie from before the restart no longer works");
            Assert.Equal(userId, me.UserId);
            Assert.Equal(userId, (await TokenAsync(again)).UserId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task MyDevicesListsTheBrowsersAndSigningOneOutStopsItsTokens()
    {
        await using var world = await SignInWorld.CreateAsync();
        using var phone = world.Browser();
        using var laptop = world.Browser();
        (await SignInAsync(phone, world.Code, "王芳")).Dispose();
        var wang = (await world.App.Services.GetRequiredService<IMemberDirectory>().ListMembersAsync(world.Branch.Id, Cancel)).Single(m => m.DisplayName == "王芳");
        var link = await world.App.Services.GetRequiredService<ILinkCodes>().IssueAsync(wang.Id, Cancel);
        using var linked = await SignInAsync(laptop, link!.Code, mode: "link");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("王芳", (await MeAsync(laptop)).Name);

        var devices = (await phone.GetFromJsonAsync<List<Bot.WebChat.WebChatDevice>>("webchat/devices", Bot.Storage.Channels.DirectLineJson.Options, Cancel))!;
        Assert.Equal(2, devices.Count);
        var laptopDevice = Assert.Single(devices, d => !d.Current);

        // Another member can neither see nor sign out 王芳's devices; the answer is that of a missing one.
        using var other = world.Browser();
        (await SignInAsync(other, world.Code, "赵六")).Dispose();
        using var peek = await other.GetAsync($"webchat/devices?memberId={wang.Id}", Cancel);
        await peek.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
        using var meddle = await other.PostAsync($"webchat/devices/{laptopDevice.Id}/signout", null, Cancel);
        await meddle.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
        var laptopToken = await TokenAsync(laptop);
        Assert.Equal("王芳", laptopToken.Name);

        // The branch's secretary may, and the laptop is out at its next token request.
        using var secretary = world.Browser();
        (await SignInAsync(secretary, world.SecretaryCode)).Dispose();
        using var listed = await secretary.GetAsync($"webchat/devices?memberId={wang.Id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var signedOut = await secretary.PostAsync($"webchat/devices/{laptopDevice.Id}/signout", null, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);

        using var refused = await laptop.PostAsJsonAsync("webchat/token", new { }, Cancel);
        await refused.AssertErrorAsync(HttpStatusCode.Unauthorized, "NotSignedIn");
        using var withOldToken = world.App.CreateHttpClient(laptopToken.Token);
        using var renewal = await withOldToken.PostAsync("v3/directline/tokens/refresh", null, Cancel);
        await renewal.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.False((await MeAsync(laptop)).SignedIn);
        Assert.True((await MeAsync(phone)).SignedIn);
    }

    [Fact]
    public async Task GuessingCodesOnTheSignInPageIsThrottled()
    {
        await using var world = await SignInWorld.CreateAsync(new Dictionary<string, string?> { ["WebChat:SignInPermitsPerMinute"] = "100" });
        using var guesser = world.Browser();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(guesser, (300000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "王五");
            Assert.Equal("WrongCode", await ErrorCodeAsync(wrong));
        }

        // The database's count for this address: even the right code is refused now, alike.
        using var blocked = await SignInAsync(guesser, world.Code, "王五");
        Assert.Equal((HttpStatusCode.TooManyRequests, "TooManyAttempts"), (blocked.StatusCode, await ErrorCodeAsync(blocked)));
        Assert.False((await MeAsync(guesser)).SignedIn);
    }

    [Fact]
    public async Task TheSignInEndpointIsRateLimitedPerAddress()
    {
        await using var world = await SignInWorld.CreateAsync(new Dictionary<string, string?> { ["WebChat:SignInPermitsPerMinute"] = "3" });
        using var guesser = world.Browser();

        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(guesser, "000000", "王五")).Dispose();
        }

        using var limited = await SignInAsync(guesser, world.Code, "王五");
        Assert.Equal((HttpStatusCode.TooManyRequests, "TooManyRequests"), (limited.StatusCode, await ErrorCodeAsync(limited)));
    }

    [Fact]
    public async Task WithTwoInstancesEachTakesHalfOfTheSignInsPerAddress()
    {
        await using var world = await SignInWorld.CreateAsync(new Dictionary<string, string?>
        {
            ["WebChat:SignInPermitsPerMinute"] = "4",
            ["Storage:Instances"] = "2",
        });
        using var guesser = world.Browser();

        for (var i = 0; i < 2; i++)
        {
            (await SignInAsync(guesser, "000000", "王五")).Dispose();
        }

        using var limited = await SignInAsync(guesser, world.Code, "王五");
        Assert.Equal((HttpStatusCode.TooManyRequests, "TooManyRequests"), (limited.StatusCode, await ErrorCodeAsync(limited)));
    }

    [Fact]
    public async Task TheBranchCodeUnderTheSecretarysNameSignsNobodyInAsSecretary()
    {
        await using var world = await SignInWorld.CreateAsync();
        using var pretender = world.Browser();

        using var refused = await SignInAsync(pretender, world.Code, "李书记");
        Assert.Equal((HttpStatusCode.Conflict, "NeedsPersonalCode"), (refused.StatusCode, await ErrorCodeAsync(refused)));
        Assert.False((await MeAsync(pretender)).SignedIn);

        using var real = world.Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(real, world.SecretaryCode)).StatusCode);
        Assert.Equal("李书记", (await MeAsync(real)).Name);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("http://localhost:3978;http://192.168.1.5:3978", false)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://127.0.0.1:5000;http://[::1]:5000", true)]
    public void ThePickAnIdentityPageIsRefusedUnlessTheBotListensOnLoopback(string urls, bool allowed)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["urls"] = urls;
        builder.Configuration["WebChat:PickIdentity"] = "true";
        builder.AddChatReportWebChat();
        using var host = builder.Build();

        var options = () => host.Services.GetRequiredService<IOptions<WebChatOptions>>().Value;

        if (allowed)
        {
            Assert.True(options().PickIdentity);
        }
        else
        {
            Assert.Contains("WebChat:PickIdentity", Assert.Throws<OptionsValidationException>(options).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BehindAProxyTheCookieIsSecureWhenTheProxySaysHttps()
    {
        await using var world = await SignInWorld.CreateAsync();
        using var browser = world.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "webchat/signin") { Content = JsonContent.Create(new { code = world.Code, name = "王芳" }) };
        // The test client is on loopback, which ASP.NET Core trusts as a proxy by default.
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await browser.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }
}
