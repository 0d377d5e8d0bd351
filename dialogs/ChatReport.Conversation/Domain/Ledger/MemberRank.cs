namespace ChatReport.Conversation.Domain;

/// <summary>A member's place in their branch (第 3 名，共 42 人).</summary>
/// <param name="Standing">The member's line in the branch ranking.</param>
/// <param name="RankedMembers">How many active members the branch ranking has.</param>
public sealed record MemberRank(MemberStanding Standing, int RankedMembers);
