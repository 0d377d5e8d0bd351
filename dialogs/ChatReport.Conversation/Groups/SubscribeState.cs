namespace ChatReport.Conversation.Groups;

/// <summary>The step state of <see cref="SubscribeDialog"/>.</summary>
/// <param name="ReviewerId">The reviewer who asked.</param>
public sealed record SubscribeState(long ReviewerId = 0);
