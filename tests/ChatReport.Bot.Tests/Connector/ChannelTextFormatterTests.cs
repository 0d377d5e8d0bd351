using System.Text.Json;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Connector;

public sealed class ChannelTextFormatterTests
{
    private const string Ranking = "本季度（第4季度）排行：\n1. 王芳 5 分\n1. 李四 5 分\n3. 张_三* 2 分\n\n2026年全年排行：\n- 赵#六 `0` 分";

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("msteams")]
    [InlineData("wecom")]
    [InlineData("dingtalk")]
    public void MarkdownChannelsGetEscapedTextThatReadsBackAsWritten(string channelId)
    {
        var sent = ChannelTextFormatter.Format(Message(channelId, Ranking));

        Assert.Equal("markdown", sent.TextFormat);
        Assert.Equal(Ranking, SentText.AsRead(sent.Text!, sent.TextFormat));
        Assert.DoesNotContain("\n1. ", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", sent.Text!.Replace("\\*", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void RanksTiesAndNamesAreEscapedLineByLineWithHardBreaks()
    {
        var markdown = ChannelTextFormatter.ToMarkdown(Ranking);

        Assert.Equal(
            "本季度（第4季度）排行：  \n1\\. 王芳 5 分  \n1\\. 李四 5 分  \n3\\. 张\\_三\\* 2 分\n\n2026年全年排行：  \n\\- 赵\\#六 \\`0\\` 分",
            markdown);
    }

    [Theory]
    [InlineData("+ 5 分", "\\+ 5 分")]
    [InlineData("== 标题", "\\== 标题")]
    [InlineData("    缩进", "\u00A0\u00A0\u00A0\u00A0缩进")]
    [InlineData("2026年第4季度", "2026年第4季度")]
    [InlineData("12) 第十二", "12\\) 第十二")]
    [InlineData("<b>粗</b> [链接](x) a|b & ~删~ \\", "\\<b\\>粗\\</b\\> \\[链接\\](x) a\\|b \\& \\~删\\~ \\\\")]
    public void EverythingThatCouldStartMarkupIsEscaped(string plain, string markdown) =>
        Assert.Equal(markdown, ChannelTextFormatter.ToMarkdown(plain));

    [Theory]
    [InlineData("telegram")]
    [InlineData("slack")]
    [InlineData(null)]
    public void OtherChannelsGetThePlainTextMarkedPlain(string? channelId)
    {
        var sent = ChannelTextFormatter.Format(Message(channelId, Ranking));

        Assert.Equal((Ranking, "plain"), (sent.Text, sent.TextFormat));
    }

    [Fact]
    public void TextTheBotWroteAsMarkdownOrXmlIsLeftAlone()
    {
        var csv = Message("msteams", "公示：\n```\n1,王芳\n```") with { TextFormat = "markdown" };
        var xml = Message("msteams", "<b>粗</b>") with { TextFormat = "xml" };

        Assert.Same(csv, ChannelTextFormatter.Format(csv));
        Assert.Same(xml, ChannelTextFormatter.Format(xml));
    }

    [Fact]
    public void ActivitiesWithoutTextAreLeftAlone()
    {
        var typing = new Activity { Type = ActivityTypes.Typing, ChannelId = "webchat" };
        var card = Message("webchat", null);

        Assert.Same(typing, ChannelTextFormatter.Format(typing));
        Assert.Same(card, ChannelTextFormatter.Format(card));
    }

    [Fact]
    public void AdaptiveCardTextsAndFactsAreEscapedOnEveryChannel()
    {
        var card = JsonSerializer.SerializeToElement(new
        {
            type = "AdaptiveCard",
            body = new object[]
            {
                new { type = "TextBlock", text = "第4季度前三名" },
                new { type = "FactSet", facts = new[] { new { title = "1. 王芳", value = "5分" }, new { title = "1. 张_三*", value = "5分" } } },
            },
            actions = new[] { new { type = "Action.Submit", title = "1. 通过" } },
        });
        var activity = new Activity { Type = ActivityTypes.Message, ChannelId = "telegram", Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }] };

        var sent = Assert.Single(ChannelTextFormatter.Format(activity).Attachments!).Content!.Value;

        var facts = sent.GetProperty("body")[1].GetProperty("facts");
        Assert.Equal(("1\\. 王芳", "1\\. 张\\_三\\*"), (facts[0].GetProperty("title").GetString(), facts[1].GetProperty("title").GetString()));
        Assert.Equal("第4季度前三名", sent.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("1. 通过", sent.GetProperty("actions")[0].GetProperty("title").GetString());
    }

    private static Activity Message(string? channelId, string? text) => new() { Type = ActivityTypes.Message, ChannelId = channelId, Text = text };
}
