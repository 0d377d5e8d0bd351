using System.Net;
using System.Net.Http.Json;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class WebChatPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRootServesThePageWithTheLocalWebChatBundle()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient();

        using var page = await client.GetAsync("/", Cancel);
        using var bundle = await client.GetAsync("webchat/lib/webchat.js", Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<script src=\"/webchat/lib/webchat.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.botframework.com", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000);
    }

    [Theory]
    [InlineData("webchat/../appsettings.json")]
    [InlineData("webchat/%2e%2e/appsettings.json")]
    [InlineData("webchat/..%2fProgram.cs")]
    [InlineData("webchat/.gitignore")]
    [InlineData("webchat/missing.js")]
    public async Task NothingOutsideThePageFolderIsServed(string path)
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"王芳"}""")]
    [InlineData("""{"userId":"u1"}""")]
    [InlineData("""{"userId":"u1","name":"   "}""")]
    [InlineData("""{"userId":"has\nnewline","name":"王芳"}""")]
    [InlineData("""{"userId":"u1","name":"王芳","group":"一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部一支部"}""")]
    public async Task TheTokenEndpointRefusesIncompleteIdentities(string body)
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("webchat/token", content, Cancel);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task TheTokenEndpointNeverHandsOutTheSecret()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient();

        using var response = await client.PostAsJsonAsync("webchat/token", new { userId = "u1", name = "王芳" }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(DirectLineApplication.Secret, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
