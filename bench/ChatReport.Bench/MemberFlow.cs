namespace ChatReport.Bench;

/// <summary>
/// The member flow every bench conversation runs: join with a code and confirm the name, report
/// a deed in one sentence, skip the photo, submit, ask for my points. Each flow is a new person in
/// a new personal chat, so caps and "already a member" never cut it short.
/// </summary>
internal static class MemberFlow
{
    public const int SubmitTurn = 4;

    private static int s_flows;

    public static string[] Texts(string code) =>
        [$"加入 {code}", "是", "申报 昨天下午在村口带头扫雪两个小时", "跳过", "提交", "我的积分"];

    /// <summary>
    /// The member flow with a report sentence no other flow says (a tag of letters at the end, which
    /// names no date, number, place or rule), so that nothing one turn recognised can help another.
    /// </summary>
    public static string[] DistinctTexts(string code) =>
        [$"加入 {code}", "是", $"申报 昨天下午在村口带头扫雪两个小时 备注{Letters(Interlocked.Increment(ref s_flows))}", "跳过", "提交", "我的积分"];

    /// <summary><paramref name="n"/> written in the letters a–z (1 → b, 26 → ba).</summary>
    public static string Letters(int n)
    {
        var letters = new System.Text.StringBuilder();
        do
        {
            letters.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return letters.ToString();
    }

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
