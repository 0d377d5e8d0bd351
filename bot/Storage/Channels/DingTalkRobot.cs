namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// A custom group robot (自定义机器人) with signing: send-only, for groups the app robot cannot join.
/// <see cref="WebhookUrl"/> and <see cref="Secret"/> are credentials, so <see cref="ToString"/>
/// shows neither.
/// </summary>
/// <param name="ConversationId"><c>robot:</c> and a hash of the webhook's access token.</param>
/// <param name="WebhookUrl">The webhook with its access token.</param>
/// <param name="Secret">The <c>SEC…</c> signing secret.</param>
/// <param name="MemberId">The reviewer who registered it.</param>
/// <param name="CreatedAt">When.</param>
public sealed record DingTalkRobot(string ConversationId, string WebhookUrl, string Secret, long MemberId, DateTimeOffset CreatedAt)
{
    public override string ToString() => $"DingTalkRobot {{ ConversationId = {ConversationId} }}";
}
