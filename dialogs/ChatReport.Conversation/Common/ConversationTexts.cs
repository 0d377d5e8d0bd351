using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Common;

/// <summary>What the root dialog and the welcome say.</summary>
public sealed record ConversationTexts : ITextTable<ConversationTexts>
{
    /// <summary>The first word to someone who has not joined: what the bot is for and how to start.</summary>
    public required string Welcome { get; init; }

    /// <summary>The greeting when the bot is added to a group chat.</summary>
    public required string GroupWelcome { get; init; }

    /// <summary>A member-only command from someone who has not joined.</summary>
    public required string NotJoined { get; init; }

    /// <summary>A member-only command from someone whose membership is inactive.</summary>
    public required string Inactive { get; init; }

    /// <summary>The first line of the help menu.</summary>
    public required string MenuHeader { get; init; }

    /// <summary>The first line of the menu when the message was not understood.</summary>
    public required string NotUnderstood { get; init; }

    /// <summary>The help line for 帮助 itself.</summary>
    public required string HelpLine { get; init; }

    /// <summary>The last line of the help menu.</summary>
    public required string MenuFooter { get; init; }

    /// <summary>The Chinese texts.</summary>
    public static ConversationTexts Chinese { get; } = new()
    {
        Welcome = "您好！我是党员积分助手，可以帮您申报好人好事、查积分和排名。\n请先发送“加入 ”加上书记给您的6位加入码，例如：加入 123456",
        GroupWelcome = "大家好，我是党员积分助手。私聊我可以申报积分、查积分和排名。\n请支部书记在本群说“订阅日报”，群里每晚就能收到日报。",
        NotJoined = "您还没有加入支部。请发“加入”和书记给的加入码，例如：加入 123456\n在别的账号上加入过？请在那个账号上发“绑定”。",
        Inactive = "您的账号暂时停用了，请找支部书记。",
        MenuHeader = "您可以这样说：",
        NotUnderstood = "没太明白。您可以这样说：",
        HelpLine = "帮助 —— 再看这张单子",
        MenuFooter = "做了好事也可以直接跟我说，不用加“申报”。",
    };

    /// <summary>The English texts.</summary>
    public static ConversationTexts English { get; } = new()
    {
        Welcome = "Hello! I help Party members report good deeds, and check their points and ranking.\nFirst send \"join\" with the code your secretary gave you, for example: join 123456",
        GroupWelcome = "Hello everyone! I keep the branch's points. Message me privately to report a good deed or check your points.\nSecretary: say \"subscribe\" here and this group gets the daily digest every evening.",
        NotJoined = "You have not joined a branch yet. Send \"join\" with the code from your secretary, for example: join 123456\nJoined on another account? Send \"link\" there.",
        Inactive = "Your membership is not active at the moment. Please contact your branch secretary.",
        MenuHeader = "You can say:",
        NotUnderstood = "Sorry, I didn't get that. You can say:",
        HelpLine = "help - this list again",
        MenuFooter = "You can also just tell me what you did, without \"report\".",
    };

    /// <summary>The table for <paramref name="language"/>.</summary>
    public static ConversationTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;
}
