using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>Small helpers over the client API, so tests read as what a client does.</summary>
public static class DirectLineTestClient
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, string conversationId, object activity) =>
        await client.PostAsJsonAsync($"v3/directline/conversations/{conversationId}/activities", activity, DirectLineJson.Options, Cancel);

    public static async Task<string> SendAsync(this HttpClient client, string conversationId, string text, string userId = "u1", string? clientActivityId = null)
    {
        using var response = await client.PostActivityAsync(conversationId, new
        {
            type = "message",
            text,
            from = new { id = userId },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ResourceResponse>(DirectLineJson.Options, Cancel))!.Id!;
    }

    public static async Task<ActivitySet> GetActivitiesAsync(this HttpClient client, string conversationId, string? watermark = null)
    {
        using var response = await client.GetAsync($"v3/directline/conversations/{conversationId}/activities?watermark={watermark}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ActivitySet>(DirectLineJson.Options, Cancel))!;
    }

    /// <summary>Asserts the status and the ErrorResponse code, and returns the message.</summary>
    public static async Task<string> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }
}
