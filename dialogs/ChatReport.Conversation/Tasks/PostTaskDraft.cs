namespace ChatReport.Conversation.Tasks;

/// <summary>The step state of <see cref="PostTaskDialog"/>.</summary>
/// <param name="ActorId">The reviewer posting.</param>
/// <param name="UnitId">The branch.</param>
/// <param name="Title">What.</param>
/// <param name="StartsAt">When.</param>
/// <param name="Place">Where.</param>
/// <param name="PointsEach">Points per participant.</param>
public sealed record PostTaskDraft(long ActorId = 0, long UnitId = 0, string? Title = null, DateTimeOffset? StartsAt = null, string? Place = null, int PointsEach = 0);
