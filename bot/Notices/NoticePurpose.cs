namespace ChatReport.Bot.Notices;

public enum NoticePurpose
{
    /// <summary>To the reviewers' personal chats at quarter end, to check before the sign-off.</summary>
    Review,

    /// <summary>To the branch's groups once the secretary has signed off (张榜公示).</summary>
    Publish,
}
