using System.Net;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineCorsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagesOnOtherOriginsMayCallTheClientApi()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        preflight.Headers.Add("Origin", "http://example.test:8080");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, x-ms-bot-agent");

        using var answer = await client.SendAsync(preflight, Cancel);
        using var actual = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        actual.Headers.Add("Origin", "http://example.test:8080");
        actual.Headers.Add("Authorization", $"Bearer {DirectLineApplication.Secret}");
        using var started = await client.SendAsync(actual, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("*", started.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task TheTokenEndpointOfThePageStaysSameOrigin()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "webchat/token");
        request.Headers.Add("Origin", "http://example.test:8080");
        request.Content = new StringContent("""{"userId":"u1","name":"王芳"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request, Cancel);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
