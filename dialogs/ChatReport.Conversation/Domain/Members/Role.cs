namespace ChatReport.Conversation.Domain;

/// <summary>What a member may do in a unit.</summary>
public enum Role
{
    /// <summary>An ordinary member (党员). Membership itself is <see cref="Member.UnitId"/>; this role is for extra units.</summary>
    Member,

    /// <summary>The branch secretary (支部书记): reviews claims, records deductions, signs off quarters.</summary>
    Secretary,

    /// <summary>A committee member (支委); reviews only when <see cref="UnitRole.CanReview"/> is set.</summary>
    Committee,

    /// <summary>An administrator (党建办 / 组织部) of the unit and everything below it.</summary>
    Administrator,
}
