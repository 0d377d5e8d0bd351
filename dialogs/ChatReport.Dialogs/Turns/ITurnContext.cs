using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Turns;

/// <summary>
/// One inbound activity being handled, and the way to answer it. Outgoing activities are
/// addressed like replies to <see cref="Activity"/> unless they say otherwise.
/// </summary>
public interface ITurnContext
{
    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>True once anything has been sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Values worked out once in this turn and shared by its dialogs.</summary>
    TurnState TurnState { get; }

    /// <summary>Sends an activity into the turn's conversation.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier (the activity carries the id).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Deletes an activity the bot sent earlier.</summary>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);
}
