using System.Net;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineOptionsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithAMicrosoftAppIdTheLocalChannelAndPageAreOffByDefault()
    {
        await using var app = new DirectLineApplication(settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001", ["MicrosoftAppPassword"] = "test-secret" });
        using var client = app.CreateHttpClient(DirectLineApplication.Secret);

        using var start = await client.PostAsync("v3/directline/conversations", null, Cancel);
        using var page = await client.GetAsync("/", Cancel);
        using var token = await client.PostAsync("webchat/token", null, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
    }

    [Fact]
    public async Task DirectLineEnabledFalseTurnsItOffWithoutAnAppId()
    {
        await using var app = new DirectLineApplication(settings: new Dictionary<string, string?> { ["DirectLine:Enabled"] = "false" });
        using var client = app.CreateHttpClient(DirectLineApplication.Secret);

        using var start = await client.PostAsync("v3/directline/conversations", null, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Theory]
    [InlineData("DirectLine:Secret", "short")]
    [InlineData("DirectLine:TokenLifetimeSeconds", "5")]
    [InlineData("DirectLine:BotId", "")]
    public async Task InvalidOptionsStopTheStart(string key, string value)
    {
        await using var app = new DirectLineApplication(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.BaseAddress);

        var validation = Assert.IsType<OptionsValidationException>(FindValidationError(error));
        Assert.Contains(key.Split(':')[1], validation.Message, StringComparison.Ordinal);
    }

    private static Exception? FindValidationError(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is OptionsValidationException)
            {
                return error;
            }

            if (error is AggregateException aggregate && aggregate.InnerExceptions.Select(FindValidationError).FirstOrDefault(e => e is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
