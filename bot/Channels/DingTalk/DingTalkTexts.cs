using ChatReport.Dialogs.Localization;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>What the custom group robot commands say. None of them repeats the webhook or the secret.</summary>
public sealed record DingTalkTexts : ITextTable<DingTalkTexts>
{
    public required string PrivateOnly { get; init; }

    public required string NotAWebhook { get; init; }

    public required string NotASecret { get; init; }

    public required string NotAMember { get; init; }

    public required string NotAReviewer { get; init; }

    /// <summary>(the branches the reviewer reviews)</summary>
    public required Func<string, string> WhichUnit { get; init; }

    /// <summary>(the branch name that matched none)</summary>
    public required Func<string, string> UnknownUnit { get; init; }

    /// <summary>(branch, robot label)</summary>
    public required Func<string, string, string> Subscribed { get; init; }

    /// <summary>(branch, robot label)</summary>
    public required Func<string, string, string> AlreadySubscribed { get; init; }

    /// <summary>(branch, robot label)</summary>
    public required Func<string, string, string> Unsubscribed { get; init; }

    public required string NotSubscribed { get; init; }

    /// <summary>(branch)</summary>
    public required Func<string, string> NotReviewerOfRobotUnit { get; init; }

    public required string Failed { get; init; }

    public required string HelpLine { get; init; }

    public static DingTalkTexts Chinese { get; } = new()
    {
        PrivateOnly = "群机器人的地址和密钥请在和我的单聊里发，不要发在群里。",
        NotAWebhook = "这不是钉钉自定义机器人的 Webhook 地址。请在群设置 → 智能群助手 → 机器人里复制完整地址（https://oapi.dingtalk.com/robot/send?access_token=…）。",
        NotASecret = "加签密钥应以 SEC 开头。请在机器人的安全设置里选“加签”，复制那串密钥。",
        NotAMember = "我还不认识你。请先发“加入”和书记给的邀请码。",
        NotAReviewer = "只有书记或有审核权的支委可以给群机器人订阅日报。",
        WhichUnit = units => $"你审核好几个支部：{units}。请在命令最后加上支部名称再发一次。",
        UnknownUnit = name => $"你审核的支部里没有“{name}”。",
        Subscribed = (unit, robot) => $"好了：{unit}的日报和季度公示会由群机器人（{robot}）发到它所在的群。密钥已保存，不会再显示。发“退订 + 同一个地址”可以停止。",
        AlreadySubscribed = (unit, robot) => $"群机器人（{robot}）已经在接收{unit}的日报了，密钥已更新。",
        Unsubscribed = (unit, robot) => $"好了：群机器人（{robot}）不再接收{unit}的日报，它的地址和密钥已删除。",
        NotSubscribed = "这个群机器人没有订阅日报。",
        NotReviewerOfRobotUnit = unit => $"只有{unit}的书记或有审核权的支委可以退订这个群机器人。",
        Failed = "没能保存，请稍后再试。",
        HelpLine = "订阅日报 <群机器人地址> <SEC密钥> —— 单聊里发：日报经钉钉自定义机器人发到群",
    };

    public static DingTalkTexts English { get; } = new()
    {
        PrivateOnly = "Send a group robot's address and secret in your private chat with me, never in a group.",
        NotAWebhook = "That is not a DingTalk custom robot webhook. Copy the whole address from the group's robot settings (https://oapi.dingtalk.com/robot/send?access_token=…).",
        NotASecret = "The signing secret starts with SEC. Choose \"加签\" (signing) in the robot's security settings and copy that secret.",
        NotAMember = "I don't know you yet. Say \"join\" with the code your secretary gave you first.",
        NotAReviewer = "Only a secretary or a reviewing committee member can subscribe a group robot to the digest.",
        WhichUnit = units => $"You review several branches: {units}. Send the command again with the branch's name at the end.",
        UnknownUnit = name => $"None of the branches you review is called \"{name}\".",
        Subscribed = (unit, robot) => $"Done: the daily digest and quarterly notice of {unit} will go to the group robot ({robot})'s group. The secret is saved and will not be shown again. Say \"unsubscribe\" with the same address to stop.",
        AlreadySubscribed = (unit, robot) => $"The group robot ({robot}) already gets the digest of {unit}; its secret was updated.",
        Unsubscribed = (unit, robot) => $"Done: the group robot ({robot}) no longer gets the digest of {unit}; its address and secret are deleted.",
        NotSubscribed = "That group robot does not get a digest.",
        NotReviewerOfRobotUnit = unit => $"Only the secretary or a reviewing committee member of {unit} can unsubscribe this group robot.",
        Failed = "That could not be saved; please try again later.",
        HelpLine = "subscribe <robot webhook> <SEC secret> - in a private chat: the digest goes to a group through a DingTalk custom robot",
    };

    public static DingTalkTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No DingTalk texts for this language."),
    };
}
