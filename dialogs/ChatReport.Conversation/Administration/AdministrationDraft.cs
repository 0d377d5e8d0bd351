namespace ChatReport.Conversation.Administration;

/// <summary>What an administration command said (its begin options) and what its dialog has found so far (its step state).</summary>
/// <param name="Branch">The unit's name as said, if any.</param>
/// <param name="Member">The member's name as said, if any.</param>
/// <param name="Code">The join code as said, if any.</param>
/// <param name="ActorId">The administrator or secretary, once checked.</param>
/// <param name="UnitId">The unit, once found.</param>
/// <param name="MemberId">The member, once found.</param>
/// <param name="MaxUses">For a join code: how many may join with it, when said (生成邀请码 50人).</param>
public sealed record AdministrationDraft(
    string? Branch = null,
    string? Member = null,
    string? Code = null,
    long ActorId = 0,
    long UnitId = 0,
    long MemberId = 0,
    int? MaxUses = null);
