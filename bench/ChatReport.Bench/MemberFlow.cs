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
    /// The member flow with a report sentence no other flow says (a tag of heavenly stems at the end,
    /// which names no date, number, place or rule), so that nothing one turn recognised can help another.
    /// </summary>
    public static string[] DistinctTexts(string code) =>
        [$"加入 {code}", "是", $"申报 昨天下午在村口带头扫雪两个小时 备注{Letters(Interlocked.Increment(ref s_flows))}", "跳过", "提交", "我的积分"];

    /// <summary>
    /// <paramref name="n"/> written in the ten heavenly stems (1 → 乙, 10 → 乙甲): Chinese, so the
    /// sentence stays one language, and no date, number, place or rule word.
    /// </summary>
    public static string Letters(int n)
    {
        const string Stems = "甲乙丙丁戊己庚辛壬癸";
        var letters = new System.Text.StringBuilder();
        do
        {
            letters.Insert(0, Stems[n % 10]);
            n /= 10;
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
