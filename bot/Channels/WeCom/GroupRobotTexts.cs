using ChatReport.Dialogs.Localization;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>What 订阅日报 &lt;webhook&gt; and 退订 &lt;webhook&gt; say.</summary>
public sealed record GroupRobotTexts(
    string Help,
    string OnlyWeCom,
    string NotAMember,
    string NotAReviewer,
    Func<string, string> WhichUnit,
    Func<string, string, string> Subscribed,
    Func<string, string, string> Moved,
    Func<string, string, string> Unsubscribed,
    Func<string, string> NotSubscribed,
    Func<string, string> NotReviewerOfUnit)
{
    public static GroupRobotTexts Chinese { get; } = new(
        "订阅日报 群机器人地址 —— 把支部的日报和季度公示发到企业微信群机器人（在私聊中发送；退订 群机器人地址 停止）",
        "群机器人只能在企业微信里设置。",
        "我还不认识您。请先发送 加入 和支部书记给您的邀请码。",
        "只有支部书记和获准审核的支委可以为群设置日报。",
        names => $"您审核多个支部，请在地址后写上支部名称，例如：订阅日报 群机器人地址 {names.Split('、')[0]}。可选：{names}",
        (unit, hint) => $"已设置：{unit}的日报和季度公示将由群机器人（地址 {hint}）发到群里。",
        (unit, hint) => $"已改为：群机器人（地址 {hint}）今后发送{unit}的日报和季度公示。",
        (unit, hint) => $"已退订：群机器人（地址 {hint}）不再发送{unit}的日报。",
        hint => $"群机器人（地址 {hint}）没有订阅日报。",
        unit => $"这个群机器人发送的是{unit}的日报，只有{unit}的审核人可以退订。");

    public static GroupRobotTexts English { get; } = new(
        "subscribe <robot webhook> — post the branch's digest and quarterly notice through a WeCom group robot (in a private chat; unsubscribe <webhook> stops it)",
        "Group robots can only be set up from WeCom.",
        "I don't know you yet. Send join with the code your branch secretary gave you first.",
        "Only a branch secretary or a committee member allowed to review can set up a group's digest.",
        names => $"You review several branches; add the branch after the address, e.g. subscribe <webhook> {names.Split('、')[0]}. Choices: {names}",
        (unit, hint) => $"Done: {unit}'s digest and quarterly notice will be posted by the group robot (address {hint}).",
        (unit, hint) => $"Changed: the group robot (address {hint}) now posts {unit}'s digest and quarterly notice.",
        (unit, hint) => $"Unsubscribed: the group robot (address {hint}) no longer posts {unit}'s digest.",
        hint => $"The group robot (address {hint}) was not subscribed.",
        unit => $"This robot posts {unit}'s digest; only {unit}'s reviewers can unsubscribe it.");

    public static GroupRobotTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;
}
