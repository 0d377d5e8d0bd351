namespace ChatReport.Conversation.Groups;

/// <summary>The outcome of <see cref="IGroupSubscriptions.SubscribeAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="PreviousUnitId">For <see cref="GroupSubscribeStatus.MovedFromOtherUnit"/>, the branch the group left.</param>
public sealed record GroupSubscribeResult(GroupSubscribeStatus Status, long? PreviousUnitId = null);
