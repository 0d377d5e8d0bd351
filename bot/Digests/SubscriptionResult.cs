namespace ChatReport.Bot.Digests;

/// <param name="Status">How it ended.</param>
/// <param name="Subscription">The subscription as it now stands; null when refused.</param>
/// <param name="PreviousUnitId">For <see cref="SubscriptionStatus.MovedFromOtherUnit"/>, the branch it left.</param>
public sealed record SubscriptionResult(SubscriptionStatus Status, GroupSubscription? Subscription, long? PreviousUnitId = null);
