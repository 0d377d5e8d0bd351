namespace ChatReport.Conversation.Domain;

/// <summary>A chance to earn points the branch publishes (创造挣分机会): a service squad, voluntary labour…</summary>
/// <param name="Id">The task number members sign up with (报名 7).</param>
/// <param name="UnitId">The branch.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="Place">Where, if said.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="PointsEach">The points each participant gets.</param>
/// <param name="Places">How many may sign up; null for no limit.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CreatedBy">The reviewer who posted it.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="ClosedBy">Who completed or cancelled it.</param>
/// <param name="ClosedAt">When.</param>
public sealed record ServiceTask(
    long Id,
    long UnitId,
    string Title,
    string? Place,
    DateTimeOffset StartsAt,
    int PointsEach,
    int? Places,
    ServiceTaskStatus Status,
    long CreatedBy,
    DateTimeOffset CreatedAt,
    long? ClosedBy,
    DateTimeOffset? ClosedAt);
