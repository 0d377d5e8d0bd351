namespace ChatReport.Conversation.Domain;

/// <summary>A task a reviewer posts.</summary>
/// <param name="UnitId">The branch.</param>
/// <param name="Title">What is to be done (required).</param>
/// <param name="Place">Where, if said.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="PointsEach">The points each participant gets (0–1000).</param>
/// <param name="Places">How many may sign up; null for no limit.</param>
/// <param name="CreatedBy">The reviewer posting it.</param>
public sealed record NewServiceTask(long UnitId, string Title, string? Place, DateTimeOffset StartsAt, int PointsEach, int? Places, long CreatedBy);
