using System.Globalization;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Notices;

/// <summary>What the notice commands say: 签字确认 and 导出公示.</summary>
public sealed record NoticeTexts : ITextTable<NoticeTexts>
{
    /// <summary>Said to someone the bot does not know as an active member.</summary>
    public required string NotAMember { get; init; }

    /// <summary>签字确认 from someone who is no branch's secretary.</summary>
    public required string NotSecretary { get; init; }

    /// <summary>导出公示 from someone who reviews no branch.</summary>
    public required string NotAReviewer { get; init; }

    /// <summary>Asks which branch: the person holds the role in several.</summary>
    public required string WhichUnit { get; init; }

    /// <summary>A quarter as words: (year, quarter).</summary>
    public required Func<int, int, string> Quarter { get; init; }

    /// <summary>No quarter has ended in any cycle yet.</summary>
    public required string NoEndedQuarter { get; init; }

    /// <summary>No cycle for the quarter: (year, quarter).</summary>
    public required Func<int, int, string> NoSuchQuarter { get; init; }

    /// <summary>The quarter is still running: (year, quarter).</summary>
    public required Func<int, int, string> QuarterNotOver { get; init; }

    /// <summary>Signed off before: (year, quarter, who, local time).</summary>
    public required Func<int, int, string, DateTimeOffset, string> AlreadySignedOff { get; init; }

    /// <summary>The confirmation question: (branch, year, quarter, members listed).</summary>
    public required Func<string, int, int, int, string> ConfirmSignOff { get; init; }

    /// <summary>The secretary said no.</summary>
    public required string SignOffCancelled { get; init; }

    /// <summary>Signed off, and the notice reached the branch's groups.</summary>
    public required string SignedOffPosted { get; init; }

    /// <summary>Signed off; the groups get the notice on the next round (a send failed or is in progress).</summary>
    public required string SignedOffPostLater { get; init; }

    /// <summary>Signed off, but no group is subscribed.</summary>
    public required string SignedOffNoGroup { get; init; }

    /// <summary>The text with an attached notice: (branch, year, quarter).</summary>
    public required Func<string, int, int, string> ExportAttached { get; init; }

    /// <summary>The head of the CSV sent as text on Teams: (branch, year, quarter).</summary>
    public required Func<string, int, int, string> ExportAsText { get; init; }

    /// <summary>The file is over the size chat can carry.</summary>
    public required string ExportTooLarge { get; init; }

    /// <summary>The PDF was asked for on a server without a Chinese font.</summary>
    public required string PdfUnavailable { get; init; }

    /// <summary>Help while a notice dialog waits.</summary>
    public required string DialogHelp { get; init; }

    /// <summary>Help line of 签字确认.</summary>
    public required string HelpSignOff { get; init; }

    /// <summary>Help line of 导出公示.</summary>
    public required string HelpExport { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static NoticeTexts Chinese { get; } = new()
    {
        NotAMember = "我还不认识你。请先用支部发的邀请码加入，例如“加入 123456”。",
        NotSecretary = "抱歉，季度公示只能由本支部书记签字确认。",
        NotAReviewer = "抱歉，只有支部书记和获准审核的支委可以导出公示。",
        WhichUnit = "你负责好几个支部，是哪个支部？",
        Quarter = (year, quarter) => $"{year}年第{quarter}季度",
        NoEndedQuarter = "还没有已经结束的季度。",
        NoSuchQuarter = (year, quarter) => $"没有{year}年第{quarter}季度的积分记录，请检查年份和季度，例如“签字确认 {year}Q{quarter}”。",
        QuarterNotOver = (year, quarter) => $"{year}年第{quarter}季度还没有结束，季度结束后才能签字确认。",
        AlreadySignedOff = (year, quarter, who, when) => $"{year}年第{quarter}季度公示已由{who}于{when.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)}签字确认，不用再签。",
        ConfirmSignOff = (unit, year, quarter, count) => $"请确认：签字确认“{unit}”{year}年第{quarter}季度公示，共 {count} 名党员。签字后本季度锁定，公示发到支部群。确定吗？",
        SignOffCancelled = "好的，没有签字，公示也没有发出。",
        SignedOffPosted = "已签字确认，公示已发到支部群。",
        SignedOffPostLater = "已签字确认，公示稍后发到支部群。",
        SignedOffNoGroup = "已签字确认。本支部还没有群订阅日报：在支部群里说“订阅日报”，一周内公示会补发到群里。",
        ExportAttached = (unit, year, quarter) => $"“{unit}”{year}年第{quarter}季度公示，见附件。",
        ExportAsText = (unit, year, quarter) => $"“{unit}”{year}年第{quarter}季度公示（Teams 里不能直接发文件，下面是 CSV 内容，可复制保存为 .csv 用 Excel 打开）：",
        ExportTooLarge = "公示太大，聊天里发不了（文件限 1 MB，Teams 消息限约 2 万字）。请管理员用命令行导出：export-notice。",
        PdfUnavailable = "服务器上没有可嵌入的中文字体，暂时做不了 PDF。请管理员安装 fonts-wqy-microhei；现在可以先导出 excel。",
        DialogHelp = "回答上面的问题即可，或说“取消”。",
        HelpSignOff = "签字确认 2026Q4 —— 书记确认季度公示，锁定季度并发到支部群",
        HelpExport = "导出公示 2026Q4 pdf —— 把季度公示发成可打印的 PDF（也可 excel、csv）",
    };

    /// <summary>English.</summary>
    public static NoticeTexts English { get; } = new()
    {
        NotAMember = "I don't know you yet. Please join with the code your branch gave you, for example \"join 123456\".",
        NotSecretary = "Sorry, only the branch secretary can sign off the quarterly notice.",
        NotAReviewer = "Sorry, only the branch secretary and committee members allowed to review can export the notice.",
        WhichUnit = "You hold this role in several branches. Which one?",
        Quarter = (year, quarter) => string.Create(CultureInfo.InvariantCulture, $"{year} Q{quarter}"),
        NoEndedQuarter = "No quarter has ended yet.",
        NoSuchQuarter = (year, quarter) => string.Create(CultureInfo.InvariantCulture, $"There are no points for {year} Q{quarter}. Please check the year and quarter, for example \"sign off {year}Q{quarter}\"."),
        QuarterNotOver = (year, quarter) => string.Create(CultureInfo.InvariantCulture, $"{year} Q{quarter} has not ended yet; it can be signed off once it is over."),
        AlreadySignedOff = (year, quarter, who, when) => string.Create(CultureInfo.InvariantCulture, $"The {year} Q{quarter} notice was already signed off by {who} on {when:MMM d HH:mm}."),
        ConfirmSignOff = (unit, year, quarter, count) => string.Create(CultureInfo.InvariantCulture, $"Please confirm: sign off the {year} Q{quarter} notice of {unit}, listing {count} member(s). The quarter is then locked and the notice posted to the branch's groups. Go ahead?"),
        SignOffCancelled = "OK, nothing was signed and no notice was posted.",
        SignedOffPosted = "Signed off; the notice has been posted to the branch's groups.",
        SignedOffPostLater = "Signed off; the notice will be posted to the branch's groups shortly.",
        SignedOffNoGroup = "Signed off. No group gets this branch's digest yet: say \"subscribe\" in the branch's group chat within a week and the notice is posted there.",
        ExportAttached = (unit, year, quarter) => string.Create(CultureInfo.InvariantCulture, $"The {year} Q{quarter} notice of {unit} is attached."),
        ExportAsText = (unit, year, quarter) => string.Create(CultureInfo.InvariantCulture, $"The {year} Q{quarter} notice of {unit} (Teams cannot take the file here, so this is the CSV text; save it as .csv to open it in Excel):"),
        ExportTooLarge = "The notice is too large for chat (files up to 1 MB, Teams messages up to about 20,000 characters). Please ask an administrator to export it on the command line: export-notice.",
        PdfUnavailable = "The server has no Chinese font to embed, so it cannot make the PDF yet. Please ask an administrator to install fonts-wqy-microhei; the xlsx export works meanwhile.",
        DialogHelp = "Just answer the question above, or say \"cancel\".",
        HelpSignOff = "sign off 2026Q4 - the secretary confirms the quarterly notice; it is locked and posted to the groups",
        HelpExport = "export notice 2026Q4 pdf - the quarterly notice to print (or xlsx, csv)",
    };

    /// <inheritdoc />
    public static NoticeTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No notice texts for this language."),
    };
}
