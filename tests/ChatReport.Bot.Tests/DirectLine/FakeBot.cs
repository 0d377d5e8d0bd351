using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>
/// Behaves like a bot behind the channel: it answers a message by POSTing a reply over real HTTP
/// to <c>{serviceUrl}v3/conversations/{id}/activities/{activityId}</c>, as the Connector client
/// does, so the channel's Connector routes are exercised. "boom" throws, "reject" answers 400,
/// "card" replies with a hero card, 帮助/help with the help text.
/// </summary>
public sealed class FakeBot : IActivityProcessor, IDisposable
{
    public const string HelpReply = "我可以帮你登记好人好事、查询积分。试试说：昨天下午在村口扫雪两个小时。";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ConcurrentQueue<Activity> Received { get; } = new();

    public ConcurrentQueue<AuthenticationOutcome> Authentications { get; } = new();

    public async Task<TurnOutcome> ProcessAsync(Activity activity, AuthenticationOutcome authentication, CancellationToken cancellationToken)
    {
        Received.Enqueue(activity);
        Authentications.Enqueue(authentication);
        if (!activity.IsType(ActivityTypes.Message))
        {
            return TurnOutcome.Ok;
        }

        var text = activity.Text?.Trim() ?? string.Empty;
        switch (text)
        {
            case "boom":
                throw new InvalidOperationException("The fake bot fell over, as asked.");
            case "reject":
                return new TurnOutcome(400, null);
            case "silent":
                return TurnOutcome.Ok;
        }

        var reply = activity.CreateReply(text switch
        {
            "帮助" or "help" => HelpReply,
            "card" => null,
            _ when activity.Attachments is { Count: > 0 } attachments => $"收到 {attachments.Count} 个附件：{string.Join("、", attachments.Select(a => a.Name))}",
            _ => $"收到：{text}",
        });
        if (text == "card")
        {
            reply = reply with
            {
                Attachments =
                [
                    new Attachment
                    {
                        ContentType = Attachment.HeroCardContentType,
                        Content = JsonSerializer.SerializeToElement(new { title = "积分申请", text = "请选择", buttons = new[] { new { type = "imBack", title = "批准", value = "批准" } } }),
                    },
                ],
            };
        }

        var url = $"{activity.ServiceUrl}v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activity.Id!)}";
        using var response = await _http.PostAsJsonAsync(url, reply, DirectLineJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
        return TurnOutcome.Ok;
    }

    public void Dispose() => _http.Dispose();
}
