using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Prompts;

public sealed class AttachmentPromptTests
{
    private static readonly Attachment Photo = new() { ContentType = "image/jpeg", ContentUrl = "https://example/snow.jpg", Name = "snow.jpg" };
    private static readonly Attachment Pdf = new() { ContentType = "application/pdf", ContentUrl = "https://example/a.pdf" };

    [Fact]
    public async Task EndsWithTheImagesOfTheAnswer()
    {
        await AskDialog.Flow(_ => new AttachmentPrompt("photo"), "请发照片")
            .Send("hi")
            .AssertReply(reply => Assert.Null(reply.SuggestedActions))
            .Send(new Activity { Attachments = [Pdf, Photo] })
            .AssertResult<IReadOnlyList<Attachment>>(images => Assert.Equal("snow.jpg", Assert.Single(images).Name))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AsksAgainForSomethingThatIsNotAPicture()
    {
        await AskDialog.Flow(_ => new AttachmentPrompt("photo"), "请发照片")
            .Send("hi")
            .AssertReply("请发照片")
            .Send(new Activity { Attachments = [Pdf] })
            .AssertReply("请发一张照片。")
            .Send("跳过")
            .AssertReply("请发一张照片。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("跳过")]
    [InlineData("跳過")]
    [InlineData("没有")]
    [InlineData("Skip")]
    public async Task WhenTheCallerAllowsItTheUserMaySkip(string answer)
    {
        await AskDialog.Flow(_ => new AttachmentPrompt("photo"), new PromptOptions { Prompt = "有照片吗？", AllowSkip = true })
            .Send("hi")
            .AssertReply(reply => Assert.Equal("跳过", Assert.Single(reply.SuggestedActions!.Actions!).Title))
            .Send(answer)
            .AssertResult<IReadOnlyList<Attachment>>(Assert.Empty)
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheSkippableRetrySaysSkippingIsAllowed()
    {
        await AskDialog.Flow(_ => new AttachmentPrompt("photo"), new PromptOptions { Prompt = "有照片吗？", AllowSkip = true })
            .Send("hi")
            .AssertReply("有照片吗？")
            .Send("什么照片")
            .AssertReply("请发一张照片，不需要的话回复“跳过”。")
            .RunAsync(TestContext.Current.CancellationToken);
    }
}
