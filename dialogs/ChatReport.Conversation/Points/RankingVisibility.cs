namespace ChatReport.Conversation.Points;

/// <summary>What a branch's members see of its ranking (排行榜设置).</summary>
public enum RankingVisibility
{
    /// <summary>The ranking list as it always was (the first ten ranks, ties included) and the member's own place.</summary>
    All = 0,

    /// <summary>The first N ranks (ties at the Nth included) and the member's own place.</summary>
    Top = 1,

    /// <summary>Only the member's own place.</summary>
    Own = 2,
}
