using System.Text.Json;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Tests.Schema;

public sealed class ActivityTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void AReplySwapsSenderAndRecipientAndPointsAtTheInboundActivity()
    {
        var inbound = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "act-1",
            ChannelId = "msteams",
            ServiceUrl = "https://smba.example/amer/",
            From = new ChannelAccount { Id = "29:user", Name = "王芳" },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "ChatReport" },
            Conversation = new ConversationAccount { Id = "19:abc@thread.v2", IsGroup = true },
            Locale = "zh-CN",
        };

        var reply = inbound.CreateReply("收到");

        Assert.Equal("28:bot", reply.From?.Id);
        Assert.Equal("29:user", reply.Recipient?.Id);
        Assert.Equal("19:abc@thread.v2", reply.Conversation?.Id);
        Assert.True(reply.Conversation?.IsGroup);
        Assert.Equal("act-1", reply.ReplyToId);
        Assert.Equal("https://smba.example/amer/", reply.ServiceUrl);
        Assert.Equal("zh-CN", reply.Locale);
        Assert.Equal("收到", reply.Text);
    }

    [Fact]
    public void AReplyToADirectLineConversationUpdateHasNoReplyTarget()
    {
        var inbound = new Activity { Type = ActivityTypes.ConversationUpdate, Id = "cu-1", ChannelId = "directline" };

        Assert.Null(inbound.CreateReply("欢迎").ReplyToId);
        Assert.Null(inbound.GetConversationReference().ActivityId);
    }

    [Fact]
    public void UnknownMembersSurviveARoundTrip()
    {
        const string json = """
            {"type":"message","id":"1","channelData":{"tenant":{"id":"t1"}},"entities":[{"type":"mention","text":"<at>bot</at>"}],
             "futureField":{"nested":[1,2,3]},"from":{"id":"u","futureAccountField":true}}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, Web)!;
        var written = JsonSerializer.Serialize(activity, Web);
        var back = JsonDocument.Parse(written).RootElement;

        Assert.Equal("t1", back.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("mention", back.GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.Equal(3, back.GetProperty("futureField").GetProperty("nested").GetArrayLength());
        Assert.True(back.GetProperty("from").GetProperty("futureAccountField").GetBoolean());
    }
}
