namespace ChatReport.Conversation.Understanding;

/// <summary>What a message that is not a command wants, when it is not a deed.</summary>
public enum MessageIntent
{
    /// <summary>Nothing recognised: it may be a deed.</summary>
    None = 0,

    /// <summary>积分是怎么算的？ how do points work?</summary>
    HowPointsWork = 1,

    /// <summary>我现在多少分了？ how many points do I have?</summary>
    MyPoints = 2,

    /// <summary>怎么申报？ how do I report?</summary>
    HowToReport = 3,

    /// <summary>你好, 在吗, hello.</summary>
    Greeting = 4,

    /// <summary>谢谢, 辛苦了, thanks.</summary>
    Thanks = 5,

    /// <summary>A deduction told (没交党费): members do not claim those.</summary>
    Deduction = 6,

    /// <summary>A complaint about someone else's conduct (群众意见可大了, he should lose points): for the secretary, not a claim.</summary>
    Complaint = 7,
}
