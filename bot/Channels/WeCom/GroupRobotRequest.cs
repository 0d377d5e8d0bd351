namespace ChatReport.Bot.Channels.WeCom;

/// <summary>订阅日报 &lt;webhook&gt; [branch] or 退订 &lt;webhook&gt;, as recognized.</summary>
public sealed record GroupRobotRequest(string Key, string? UnitName, bool Unsubscribe);
