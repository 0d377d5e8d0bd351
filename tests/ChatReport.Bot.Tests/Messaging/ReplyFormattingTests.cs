using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Tests.Messaging;

/// <summary>
/// Replies that travel in the HTTP answer (deliveryMode expectReplies) and invoke answers read
/// exactly like the replies the Connector sends: a ranking's "1. 王芳" tie is not a list there either.
/// </summary>
public sealed class ReplyFormattingTests
{
    private const string Ranking = "1. 王芳 30 分\n1. 李四 30 分\n3. 张_三* 12 分";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpectRepliesAnswersAreFormattedLikeSentReplies()
    {
        await using var app = new ChatReportApplication().WithBot<RankingBot>();
        using var client = app.CreateClient();

        using var sent = await client.PostActivityAsync(TestActivities.Message("act-1", "ranking"), Token);
        await app.SettleAsync();
        using var buffered = await client.PostActivityAsync(TestActivities.Message("act-2", "ranking") with { DeliveryMode = "expectReplies" }, Token);

        Assert.Equal(HttpStatusCode.OK, buffered.StatusCode);
        var body = await buffered.Content.ReadFromJsonAsync<JsonElement>(Token);
        var reply = Assert.Single(body.GetProperty("activities").EnumerateArray());
        var viaConnector = Assert.Single(app.Connector.Requests).Json;
        Assert.Equal("markdown", reply.GetProperty("textFormat").GetString());
        Assert.Equal(viaConnector.GetProperty("text").GetString(), reply.GetProperty("text").GetString());
        Assert.Equal("1\\. 王芳 30 分  \n1\\. 李四 30 分  \n3\\. 张\\_三\\* 12 分", reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ExpectRepliesOnAPlainChannelAreMarkedPlainAndLeftAlone()
    {
        await using var app = new ChatReportApplication().WithBot<RankingBot>();
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "ranking") with { ChannelId = "telegram", DeliveryMode = "expectReplies" }, Token);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var reply = Assert.Single(body.GetProperty("activities").EnumerateArray());
        Assert.Equal("plain", reply.GetProperty("textFormat").GetString());
        Assert.Equal(Ranking, reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnInvokeAnswersCardHasItsTextsEscaped()
    {
        await using var app = new ChatReportApplication().WithBot<RankingBot>();
        using var client = app.CreateClient();
        var invoke = TestActivities.Message("act-1", null) with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "ranking" } }),
        };

        using var response = await client.PostActivityAsync(invoke, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        var blocks = body.GetProperty("value").GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("1\\. 王芳 30 分  \n1\\. 李四 30 分  \n3\\. 张\\_三\\* 12 分", blocks[0].GetProperty("text").GetString());
        var fact = Assert.Single(blocks[1].GetProperty("facts").EnumerateArray());
        Assert.Equal("1\\. 王芳", fact.GetProperty("title").GetString());
    }

    /// <summary>Answers every message with a ranking, and every Universal Action with a card of it.</summary>
    public sealed class RankingBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(turnContext);
            if (turnContext.Activity.IsType(ActivityTypes.Invoke))
            {
                var card = new
                {
                    type = "AdaptiveCard",
                    version = "1.2",
                    body = new object[]
                    {
                        new { type = "TextBlock", text = Ranking, wrap = true },
                        new { type = "FactSet", facts = new[] { new { title = "1. 王芳", value = "30" } } },
                    },
                };
                await turnContext.SendActivityAsync(
                    InvokeResponse.Create(200, new { statusCode = 200, type = "application/vnd.microsoft.card.adaptive", value = card }).ToActivity(),
                    cancellationToken);
                return;
            }

            await turnContext.SendTextAsync(Ranking, cancellationToken);
        }
    }
}
