using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineUploadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMultipartUploadBecomesOneMessageWithItsFilesAsAttachments()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        using var form = new MultipartFormDataContent();
        var activity = new StringContent("""{"type":"message","text":"扫雪照片","from":{"id":"u1"},"channelData":{"clientActivityID":"up-1"},"attachments":[{"name":"a.png","contentType":"image/png"}]}""", Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity");
        var image = new ByteArrayContent([1, 2, 3, 4]);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "file", "a.png");
        var note = new ByteArrayContent(Encoding.UTF8.GetBytes("时长两小时"));
        note.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(note, "file", "说明.txt");

        using var response = await client.PostAsync($"v3/directline/conversations/{conversation.ConversationId}/upload?userId=u1", form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ResourceResponse>(DirectLineJson.Options, Cancel))!.Id;
        var message = app.Bot.Received.Single(a => a.Id == id);
        Assert.Equal("扫雪照片", message.Text);
        Assert.Equal(["a.png", "说明.txt"], message.Attachments!.Select(a => a.Name));
        Assert.Equal(["image/png", "text/plain"], message.Attachments!.Select(a => a.ContentType));
        using var anonymous = app.CreateHttpClient();
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, await anonymous.GetByteArrayAsync(message.Attachments![0].ContentUrl, Cancel));
        using var text = await anonymous.GetAsync(message.Attachments![1].ContentUrl, Cancel);
        Assert.Equal("attachment", text.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("时长两小时", await text.Content.ReadAsStringAsync(Cancel));
        var echo = (await client.GetActivitiesAsync(conversation.ConversationId)).Activities.Single(a => a.Id == id);
        Assert.Equal("up-1", echo.ChannelData?.GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public async Task ASingleFileBodyIsSentAsAMessageFromTheUser()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync(null, cancellationToken: Cancel);
        using var client = app.CreateHttpClient(DirectLineApplication.Secret);
        using var body = new ByteArrayContent([9, 8, 7]);
        body.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        body.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "photo.jpg" };

        using var response = await client.PostAsync($"v3/directline/conversations/{conversation.ConversationId}/upload?userId=u7", body, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = app.Bot.Received.Single(a => a.IsType(ActivityTypes.Message));
        Assert.Equal("u7", message.From?.Id);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("photo.jpg", attachment.Name);
        Assert.StartsWith($"{app.BaseAddress}directline/v3/attachments/", attachment.ContentUrl, StringComparison.Ordinal);
        var reply = (await client.GetActivitiesAsync(conversation.ConversationId)).Activities[^1];
        Assert.Equal("收到 1 个附件：photo.jpg", reply.Text);
    }

    [Fact]
    public async Task AnUploadOverTheLimitGets413AndNoFileIs400()
    {
        await using var app = new DirectLineApplication(settings: new Dictionary<string, string?> { ["DirectLine:MaxUploadBytes"] = "2048" });
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        using var big = new ByteArrayContent(new byte[4096]);
        big.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var garbled = new StringContent("--x\r\nno end", Encoding.UTF8);
        garbled.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        using var tooBig = await client.PostAsync($"v3/directline/conversations/{conversation.ConversationId}/upload?userId=u1", big, Cancel);
        using var nothing = await client.PostAsync($"v3/directline/conversations/{conversation.ConversationId}/upload?userId=u1", empty, Cancel);
        using var broken = await client.PostAsync($"v3/directline/conversations/{conversation.ConversationId}/upload?userId=u1", garbled, Cancel);

        await tooBig.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        await nothing.AssertErrorAsync(HttpStatusCode.BadRequest, "MissingProperty");
        await broken.AssertErrorAsync(HttpStatusCode.BadRequest, "BadSyntax");
        Assert.DoesNotContain(app.Bot.Received, a => a.IsType(ActivityTypes.Message));
    }
}
