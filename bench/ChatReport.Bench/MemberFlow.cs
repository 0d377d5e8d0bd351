namespace ChatReport.Bench;

/// <summary>
/// The member flow every bench conversation runs: join with a code and confirm the name, report
/// a deed in one sentence, skip the photo, submit, ask for my points. Each flow is a new person in
/// a new personal chat, so caps and "already a member" never cut it short.
/// </summary>
internal static class MemberFlow
{
    public const int SubmitTurn = 4;

    public static string[] Texts(string code) =>
        [$"加入 {code}", "是", "申报 昨天下午在村口带头扫雪两个小时", "跳过", "提交", "我的积分"];

    /// <summary>The help round trip: six questions a stranger asks, answered from no stored state but the turn's own.</summary>
    public static string[] HelpTexts(string code) => ["帮助", "帮助", "帮助", "帮助", "帮助", "帮助"];

    public static object Activity(string id, string serviceUrl, string conversationId, string userId, string userName, string text) => new
    {
        type = "message",
        id,
        timestamp = DateTimeOffset.UtcNow,
        channelId = "msteams",
        serviceUrl,
        from = new { id = userId, name = userName },
        recipient = new { id = "28:bench-bot", name = "ChatReport" },
        conversation = new { id = conversationId, conversationType = "personal", tenantId = "bench-tenant" },
        locale = "zh-CN",
        text,
    };
}
