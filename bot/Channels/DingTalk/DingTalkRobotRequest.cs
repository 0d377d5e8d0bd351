namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// 订阅日报 / 退订 with a custom robot's webhook, as typed. It lives only for the one turn the
/// command takes, so the secret is never kept in dialog state.
/// </summary>
public sealed record DingTalkRobotRequest(bool Subscribe, string Webhook, string? Secret, string? UnitName)
{
    public override string ToString() => $"DingTalkRobotRequest {{ Subscribe = {Subscribe} }}";
}
